package dev.cuegate.farm.service;

import dev.cuegate.proto.department.DepartmentInterfaceGrpc;
import dev.cuegate.proto.department.DeptGetDepartmentNamesRequest;
import dev.cuegate.proto.department.DeptGetDepartmentNamesResponse;
import dev.cuegate.proto.department.DeptGetTasksRequest;
import dev.cuegate.proto.department.DeptGetTasksResponse;
import dev.cuegate.proto.task.TaskSeq;
import io.grpc.stub.StreamObserver;

/**
 * {@code department.DepartmentInterface}: the only department is Cuebot's default,
 * {@code Unknown}, which every group of the farm is in; no department has tasks.
 */
final class DepartmentService extends DepartmentInterfaceGrpc.DepartmentInterfaceImplBase {
  static final String UNKNOWN = "Unknown";

  @Override
  public void getDepartmentNames(DeptGetDepartmentNamesRequest request,
      StreamObserver<DeptGetDepartmentNamesResponse> observer) {
    Calls.answer(observer, () ->
        DeptGetDepartmentNamesResponse.newBuilder().addNames(UNKNOWN).build());
  }

  @Override
  public void getTasks(DeptGetTasksRequest request,
      StreamObserver<DeptGetTasksResponse> observer) {
    Calls.answer(observer, () ->
        DeptGetTasksResponse.newBuilder().setTasks(TaskSeq.getDefaultInstance()).build());
  }
}
