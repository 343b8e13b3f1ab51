package dev.cuegate.testing;

import static dev.cuegate.testing.Replies.reply;

import dev.cuegate.proto.comment.CommentDeleteRequest;
import dev.cuegate.proto.comment.CommentDeleteResponse;
import dev.cuegate.proto.comment.CommentInterfaceGrpc;
import dev.cuegate.proto.comment.CommentSaveRequest;
import dev.cuegate.proto.comment.CommentSaveResponse;
import io.grpc.stub.StreamObserver;

/** The fake's {@code comment.CommentInterface}: edits of existing comments. */
final class FakeCommentService extends CommentInterfaceGrpc.CommentInterfaceImplBase {

  private final FarmState farm;

  FakeCommentService(FarmState farm) {
    this.farm = farm;
  }

  @Override
  public void save(CommentSaveRequest request, StreamObserver<CommentSaveResponse> out) {
    farm.saveComment(request.getComment());
    reply(out, CommentSaveResponse.getDefaultInstance());
  }

  @Override
  public void delete(CommentDeleteRequest request, StreamObserver<CommentDeleteResponse> out) {
    farm.deleteComment(request.getComment().getId());
    reply(out, CommentDeleteResponse.getDefaultInstance());
  }
}
