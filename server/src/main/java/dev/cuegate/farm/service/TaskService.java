package dev.cuegate.farm.service;

import dev.cuegate.farm.store.FarmException;
import dev.cuegate.farm.store.FarmStore;
import dev.cuegate.proto.task.Task;
import dev.cuegate.proto.task.TaskClearAdjustmentsRequest;
import dev.cuegate.proto.task.TaskClearAdjustmentsResponse;
import dev.cuegate.proto.task.TaskDeleteRequest;
import dev.cuegate.proto.task.TaskDeleteResponse;
import dev.cuegate.proto.task.TaskInterfaceGrpc;
import dev.cuegate.proto.task.TaskSetMinCoresRequest;
import dev.cuegate.proto.task.TaskSetMinCoresResponse;
import io.grpc.stub.StreamObserver;

/** {@code task.TaskInterface}: a department task's minimum cores, its adjustment, deleting it. */
final class TaskService extends TaskInterfaceGrpc.TaskInterfaceImplBase {
  private final FarmStore store;

  TaskService(FarmStore store) {
    this.store = store;
  }

  @Override
  public void setMinCores(TaskSetMinCoresRequest request,
      StreamObserver<TaskSetMinCoresResponse> observer) {
    Calls.answer(observer, () -> {
      store.departments().setTaskMinCores(id(request.getTask()), request.getNewMinCores());
      return TaskSetMinCoresResponse.getDefaultInstance();
    });
  }

  @Override
  public void clearAdjustments(TaskClearAdjustmentsRequest request,
      StreamObserver<TaskClearAdjustmentsResponse> observer) {
    Calls.answer(observer, () -> {
      store.departments().clearAdjustments(id(request.getTask()));
      return TaskClearAdjustmentsResponse.getDefaultInstance();
    });
  }

  @Override
  public void delete(TaskDeleteRequest request, StreamObserver<TaskDeleteResponse> observer) {
    Calls.answer(observer, () -> {
      store.departments().deleteTask(id(request.getTask()));
      return TaskDeleteResponse.getDefaultInstance();
    });
  }

  private static String id(Task task) {
    if (task.getId().isEmpty()) {
      throw new FarmException(FarmException.Kind.INVALID_ARGUMENT, "task: give its id");
    }
    return task.getId();
  }
}
