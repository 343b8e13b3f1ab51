package dev.cuegate.farm.service;

import dev.cuegate.farm.store.FarmException;
import dev.cuegate.farm.store.FarmStore;
import dev.cuegate.farm.store.FarmTransaction;
import dev.cuegate.farm.store.HostDirectory;
import dev.cuegate.proto.comment.Comment;
import dev.cuegate.proto.comment.CommentDeleteRequest;
import dev.cuegate.proto.comment.CommentDeleteResponse;
import dev.cuegate.proto.comment.CommentInterfaceGrpc;
import dev.cuegate.proto.comment.CommentSaveRequest;
import dev.cuegate.proto.comment.CommentSaveResponse;
import io.grpc.stub.StreamObserver;
import java.sql.SQLException;

/**
 * {@code comment.CommentInterface}: editing and deleting a comment, found by its id among the
 * hosts' comments.
 */
final class CommentService extends CommentInterfaceGrpc.CommentInterfaceImplBase {
  private final FarmStore store;
  private final HostDirectory hosts;

  CommentService(FarmStore store, HostDirectory hosts) {
    this.store = store;
    this.hosts = hosts;
  }

  /** Saves the subject and message; who wrote it and when stay. */
  @Override
  public void save(CommentSaveRequest request, StreamObserver<CommentSaveResponse> observer) {
    Calls.answer(observer, () -> {
      Comment comment = request.getComment();
      store.transaction(tx -> {
        hosts.saveComment(tx, hostComment(tx, comment), comment.getSubject(),
            comment.getMessage());
        return null;
      });
      return CommentSaveResponse.getDefaultInstance();
    });
  }

  @Override
  public void delete(CommentDeleteRequest request,
      StreamObserver<CommentDeleteResponse> observer) {
    Calls.answer(observer, () -> {
      store.transaction(tx -> {
        hosts.deleteComment(tx, hostComment(tx, request.getComment()));
        return null;
      });
      return CommentDeleteResponse.getDefaultInstance();
    });
  }

  /** The id of a host's comment; a comment no host has is not found. */
  private String hostComment(FarmTransaction tx, Comment comment) throws SQLException {
    if (comment.getId().isEmpty()) {
      throw new FarmException(FarmException.Kind.INVALID_ARGUMENT, "comment: give its id");
    }
    if (hosts.hostOfComment(tx, comment.getId()).isEmpty()) {
      throw new FarmException(FarmException.Kind.NOT_FOUND, "comment " + comment.getId()
          + " does not exist");
    }
    return comment.getId();
  }
}
