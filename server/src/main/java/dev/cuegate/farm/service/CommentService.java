package dev.cuegate.farm.service;

import dev.cuegate.farm.store.FarmException;
import dev.cuegate.farm.store.FarmStore;
import dev.cuegate.farm.store.HostDirectory;
import dev.cuegate.farm.store.JobComments;
import dev.cuegate.proto.comment.Comment;
import dev.cuegate.proto.comment.CommentDeleteRequest;
import dev.cuegate.proto.comment.CommentDeleteResponse;
import dev.cuegate.proto.comment.CommentInterfaceGrpc;
import dev.cuegate.proto.comment.CommentSaveRequest;
import dev.cuegate.proto.comment.CommentSaveResponse;
import io.grpc.stub.StreamObserver;
import java.util.List;

/**
 * {@code comment.CommentInterface}: editing and deleting a comment by its id, whichever of the
 * farm's sources (job comments, then host comments) has it.
 */
final class CommentService extends CommentInterfaceGrpc.CommentInterfaceImplBase {
  private final List<CommentSource> sources;

  CommentService(List<CommentSource> sources) {
    this.sources = List.copyOf(sources);
  }

  /** The comments on jobs. */
  static CommentSource jobComments(FarmStore store) {
    JobComments comments = new JobComments(store);
    return new CommentSource() {
      @Override
      public boolean save(Comment comment) {
        return comments.save(comment.getId(), comment.getSubject(), comment.getMessage());
      }

      @Override
      public boolean delete(String id) {
        return comments.delete(id);
      }
    };
  }

  /** The comments on hosts: who wrote one and when stay as they were. */
  static CommentSource hostComments(FarmStore store, HostDirectory hosts) {
    return new CommentSource() {
      @Override
      public boolean save(Comment comment) {
        return store.transaction(tx -> {
          if (hosts.hostOfComment(tx, comment.getId()).isEmpty()) {
            return false;
          }
          hosts.saveComment(tx, comment.getId(), comment.getSubject(), comment.getMessage());
          return true;
        });
      }

      @Override
      public boolean delete(String id) {
        return store.transaction(tx -> {
          if (hosts.hostOfComment(tx, id).isEmpty()) {
            return false;
          }
          hosts.deleteComment(tx, id);
          return true;
        });
      }
    };
  }

  /** Sets the comment's subject and message. */
  @Override
  public void save(CommentSaveRequest request, StreamObserver<CommentSaveResponse> observer) {
    Calls.answer(observer, () -> {
      Comment comment = request.getComment();
      String id = RequiredIds.of("comment.id", comment.getId());
      if (sources.stream().noneMatch(source -> source.save(comment))) {
        throw notFound(id);
      }
      return CommentSaveResponse.getDefaultInstance();
    });
  }

  @Override
  public void delete(CommentDeleteRequest request,
      StreamObserver<CommentDeleteResponse> observer) {
    Calls.answer(observer, () -> {
      String id = RequiredIds.of("comment.id", request.getComment().getId());
      if (sources.stream().noneMatch(source -> source.delete(id))) {
        throw notFound(id);
      }
      return CommentDeleteResponse.getDefaultInstance();
    });
  }

  private static FarmException notFound(String id) {
    return new FarmException(FarmException.Kind.NOT_FOUND, "comment " + id + " does not exist");
  }
}
