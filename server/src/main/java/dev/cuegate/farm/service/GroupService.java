package dev.cuegate.farm.service;

import dev.cuegate.farm.store.FarmException;
import dev.cuegate.farm.store.FarmStore;
import dev.cuegate.farm.store.GroupRow;
import dev.cuegate.farm.store.JobQuery;
import dev.cuegate.farm.store.ShowRow;
import dev.cuegate.proto.job.GroupFindGroupRequest;
import dev.cuegate.proto.job.GroupFindGroupResponse;
import dev.cuegate.proto.job.GroupGetGroupRequest;
import dev.cuegate.proto.job.GroupGetGroupResponse;
import dev.cuegate.proto.job.GroupGetJobsRequest;
import dev.cuegate.proto.job.GroupGetJobsResponse;
import dev.cuegate.proto.job.GroupInterfaceGrpc;
import dev.cuegate.proto.job.JobSeq;
import io.grpc.stub.StreamObserver;
import java.util.List;

/** {@code job.GroupInterface}: finding a show's groups (each show has only its root group). */
final class GroupService extends GroupInterfaceGrpc.GroupInterfaceImplBase {
  private final FarmStore store;

  GroupService(FarmStore store) {
    this.store = store;
  }

  @Override
  public void getGroup(GroupGetGroupRequest request,
      StreamObserver<GroupGetGroupResponse> observer) {
    Calls.answer(observer, () -> GroupGetGroupResponse.newBuilder()
        .setGroup(Protos.group(group(request.getId()))).build());
  }

  @Override
  public void findGroup(GroupFindGroupRequest request,
      StreamObserver<GroupFindGroupResponse> observer) {
    Calls.answer(observer, () -> {
      GroupRow group = store.groups(store.findShow(request.getShow()).id()).stream()
          .filter(candidate -> candidate.name().equals(request.getName()))
          .findFirst()
          .orElseThrow(() -> new FarmException(FarmException.Kind.NOT_FOUND,
              "show " + request.getShow() + " has no group \"" + request.getName() + "\""));
      return GroupFindGroupResponse.newBuilder().setGroup(Protos.group(group)).build();
    });
  }

  /** The pending jobs of the group: a show's jobs are all in its root group. */
  @Override
  public void getJobs(GroupGetJobsRequest request,
      StreamObserver<GroupGetJobsResponse> observer) {
    Calls.answer(observer, () -> {
      String id = request.getGroup().getId();
      ShowRow show = store.shows(false).stream()
          .filter(candidate -> store.groups(candidate.id()).stream()
              .anyMatch(group -> group.id().equals(id)))
          .findFirst()
          .orElseThrow(() -> new FarmException(FarmException.Kind.NOT_FOUND,
              "group " + id + " does not exist"));
      String name = group(id).name();
      JobSeq.Builder jobs = JobSeq.newBuilder();
      store.jobs(new JobQuery(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
              List.of(show.name()), false)).stream()
          .filter(job -> job.group().equals(name))
          .forEach(job -> jobs.addJobs(Protos.job(job)));
      return GroupGetJobsResponse.newBuilder().setJobs(jobs).build();
    });
  }

  private GroupRow group(String id) {
    return store.shows(false).stream()
        .flatMap(show -> store.groups(show.id()).stream())
        .filter(candidate -> candidate.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new FarmException(FarmException.Kind.NOT_FOUND,
            "group " + id + " does not exist"));
  }
}
