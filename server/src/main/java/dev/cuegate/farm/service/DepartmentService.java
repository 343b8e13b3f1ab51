package dev.cuegate.farm.service;

import dev.cuegate.farm.store.FarmStore;
import dev.cuegate.farm.store.ShowRow;
import dev.cuegate.proto.department.DepartmentInterfaceGrpc;
import dev.cuegate.proto.department.DeptAddTaskRequest;
import dev.cuegate.proto.department.DeptAddTaskResponse;
import dev.cuegate.proto.department.DeptDisableTiManagedRequest;
import dev.cuegate.proto.department.DeptDisableTiManagedResponse;
import dev.cuegate.proto.department.DeptEnableTiManagedRequest;
import dev.cuegate.proto.department.DeptEnableTiManagedResponse;
import dev.cuegate.proto.department.DeptGetDepartmentNamesRequest;
import dev.cuegate.proto.department.DeptGetDepartmentNamesResponse;
import dev.cuegate.proto.department.DeptGetTasksRequest;
import dev.cuegate.proto.department.DeptGetTasksResponse;
import dev.cuegate.proto.department.DeptSetManagedCoresRequest;
import dev.cuegate.proto.department.DeptSetManagedCoresResponse;
import dev.cuegate.proto.task.TaskSeq;
import io.grpc.stub.StreamObserver;

/**
 * {@code department.DepartmentInterface}: the only department is Cuebot's default,
 * {@code Unknown}, which every group of the farm is in; each show keeps its own settings and
 * tasks for it (see {@link ShowDepartments}).
 */
final class DepartmentService extends DepartmentInterfaceGrpc.DepartmentInterfaceImplBase {
  static final String UNKNOWN = ShowDepartments.UNKNOWN;

  private final FarmStore store;
  private final ShowDepartments departments;

  DepartmentService(FarmStore store) {
    this.store = store;
    this.departments = new ShowDepartments(store);
  }

  @Override
  public void getDepartmentNames(DeptGetDepartmentNamesRequest request,
      StreamObserver<DeptGetDepartmentNamesResponse> observer) {
    Calls.answer(observer, () ->
        DeptGetDepartmentNamesResponse.newBuilder().addNames(UNKNOWN).build());
  }

  @Override
  public void getTasks(DeptGetTasksRequest request,
      StreamObserver<DeptGetTasksResponse> observer) {
    Calls.answer(observer, () -> {
      TaskSeq.Builder tasks = TaskSeq.newBuilder();
      departments.tasks(request.getDepartment()).forEach(task ->
          tasks.addTasks(departments.task(task)));
      return DeptGetTasksResponse.newBuilder().setTasks(tasks).build();
    });
  }

  @Override
  public void addTask(DeptAddTaskRequest request, StreamObserver<DeptAddTaskResponse> observer) {
    Calls.answer(observer, () -> {
      ShowRow show = departments.show(request.getDepartment());
      return DeptAddTaskResponse.newBuilder().setTask(departments.task(store.departments()
          .addTask(show.id(), UNKNOWN, request.getShot(), request.getMinCores()))).build();
    });
  }

  @Override
  public void enableTiManaged(DeptEnableTiManagedRequest request,
      StreamObserver<DeptEnableTiManagedResponse> observer) {
    Calls.answer(observer, () -> {
      ShowRow show = departments.show(request.getDepartment());
      store.departments().enableTiManaged(show.id(), UNKNOWN, request.getTiTask(),
          request.getManagedCores());
      return DeptEnableTiManagedResponse.getDefaultInstance();
    });
  }

  @Override
  public void disableTiManaged(DeptDisableTiManagedRequest request,
      StreamObserver<DeptDisableTiManagedResponse> observer) {
    Calls.answer(observer, () -> {
      store.departments().disableTiManaged(departments.show(request.getDepartment()).id(),
          UNKNOWN);
      return DeptDisableTiManagedResponse.getDefaultInstance();
    });
  }

  @Override
  public void setManagedCores(DeptSetManagedCoresRequest request,
      StreamObserver<DeptSetManagedCoresResponse> observer) {
    Calls.answer(observer, () -> {
      store.departments().setManagedCores(departments.show(request.getDepartment()).id(),
          UNKNOWN, request.getManagedCores());
      return DeptSetManagedCoresResponse.getDefaultInstance();
    });
  }
}
