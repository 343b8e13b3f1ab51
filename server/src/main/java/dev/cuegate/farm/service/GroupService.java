package dev.cuegate.farm.service;

import dev.cuegate.farm.store.FarmException;
import dev.cuegate.farm.store.FarmStore;
import dev.cuegate.farm.store.GroupRow;
import dev.cuegate.farm.store.GroupStore;
import dev.cuegate.proto.job.Group;
import dev.cuegate.proto.job.GroupCreateSubGroupRequest;
import dev.cuegate.proto.job.GroupCreateSubGroupResponse;
import dev.cuegate.proto.job.GroupDeleteRequest;
import dev.cuegate.proto.job.GroupDeleteResponse;
import dev.cuegate.proto.job.GroupFindGroupRequest;
import dev.cuegate.proto.job.GroupFindGroupResponse;
import dev.cuegate.proto.job.GroupGetGroupRequest;
import dev.cuegate.proto.job.GroupGetGroupResponse;
import dev.cuegate.proto.job.GroupGetGroupsRequest;
import dev.cuegate.proto.job.GroupGetGroupsResponse;
import dev.cuegate.proto.job.GroupGetJobsRequest;
import dev.cuegate.proto.job.GroupGetJobsResponse;
import dev.cuegate.proto.job.GroupInterfaceGrpc;
import dev.cuegate.proto.job.GroupReparentGroupsRequest;
import dev.cuegate.proto.job.GroupReparentGroupsResponse;
import dev.cuegate.proto.job.GroupReparentJobsRequest;
import dev.cuegate.proto.job.GroupReparentJobsResponse;
import dev.cuegate.proto.job.GroupSeq;
import dev.cuegate.proto.job.JobSeq;
import io.grpc.stub.StreamObserver;
import java.util.List;

/** {@code job.GroupInterface}: a show's tree of groups and the jobs in them. */
final class GroupService extends GroupInterfaceGrpc.GroupInterfaceImplBase {
  private final FarmStore store;
  private final GroupStore groups;

  GroupService(FarmStore store) {
    this.store = store;
    this.groups = new GroupStore(store);
  }

  @Override
  public void getGroup(GroupGetGroupRequest request,
      StreamObserver<GroupGetGroupResponse> observer) {
    Calls.answer(observer, () -> GroupGetGroupResponse.newBuilder()
        .setGroup(Protos.group(groups.group(RequiredIds.of("id", request.getId()))))
        .build());
  }

  @Override
  public void findGroup(GroupFindGroupRequest request,
      StreamObserver<GroupFindGroupResponse> observer) {
    Calls.answer(observer, () -> {
      GroupRow group = groups.groups(store.findShow(request.getShow()).id()).stream()
          .filter(candidate -> candidate.name().equals(request.getName()))
          .findFirst()
          .orElseThrow(() -> new FarmException(FarmException.Kind.NOT_FOUND,
              "show " + request.getShow() + " has no group \"" + request.getName() + "\""));
      return GroupFindGroupResponse.newBuilder().setGroup(Protos.group(group)).build();
    });
  }

  /** The groups directly in the group. */
  @Override
  public void getGroups(GroupGetGroupsRequest request,
      StreamObserver<GroupGetGroupsResponse> observer) {
    Calls.answer(observer, () -> {
      GroupSeq.Builder children = GroupSeq.newBuilder();
      groups.children(id(request.getGroup()))
          .forEach(group -> children.addGroups(Protos.group(group)));
      return GroupGetGroupsResponse.newBuilder().setGroups(children).build();
    });
  }

  /** The pending jobs directly in the group. */
  @Override
  public void getJobs(GroupGetJobsRequest request,
      StreamObserver<GroupGetJobsResponse> observer) {
    Calls.answer(observer, () -> {
      JobSeq.Builder jobs = JobSeq.newBuilder();
      groups.pendingJobIds(id(request.getGroup()))
          .forEach(job -> jobs.addJobs(Protos.job(store.job(job))));
      return GroupGetJobsResponse.newBuilder().setJobs(jobs).build();
    });
  }

  @Override
  public void createSubGroup(GroupCreateSubGroupRequest request,
      StreamObserver<GroupCreateSubGroupResponse> observer) {
    Calls.answer(observer, () -> GroupCreateSubGroupResponse.newBuilder()
        .setGroup(Protos.group(groups.createSubGroup(id(request.getGroup()), request.getName())))
        .build());
  }

  /** Refused while the group holds pending jobs or groups, as in Cuebot. */
  @Override
  public void delete(GroupDeleteRequest request, StreamObserver<GroupDeleteResponse> observer) {
    Calls.answer(observer, () -> {
      groups.delete(id(request.getGroup()));
      return GroupDeleteResponse.getDefaultInstance();
    });
  }

  @Override
  public void reparentGroups(GroupReparentGroupsRequest request,
      StreamObserver<GroupReparentGroupsResponse> observer) {
    Calls.answer(observer, () -> {
      List<String> moving = request.getGroups().getGroupsList().stream()
          .map(group -> RequiredIds.of("groups.id", group.getId()))
          .toList();
      groups.reparentGroups(id(request.getGroup()), moving);
      return GroupReparentGroupsResponse.getDefaultInstance();
    });
  }

  @Override
  public void reparentJobs(GroupReparentJobsRequest request,
      StreamObserver<GroupReparentJobsResponse> observer) {
    Calls.answer(observer, () -> {
      List<String> jobs = request.getJobs().getJobsList().stream()
          .map(job -> Calls.jobId(store, job))
          .toList();
      groups.reparentJobs(id(request.getGroup()), jobs);
      return GroupReparentJobsResponse.getDefaultInstance();
    });
  }

  private static String id(Group group) {
    return RequiredIds.of("group.id", group.getId());
  }
}
