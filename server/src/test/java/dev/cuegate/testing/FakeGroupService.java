package dev.cuegate.testing;

import static dev.cuegate.testing.Replies.reply;
import static dev.cuegate.testing.Replies.requireNonNegative;

import dev.cuegate.proto.job.Group;
import dev.cuegate.proto.job.GroupFindGroupRequest;
import dev.cuegate.proto.job.GroupFindGroupResponse;
import dev.cuegate.proto.job.GroupGetGroupRequest;
import dev.cuegate.proto.job.GroupGetGroupResponse;
import dev.cuegate.proto.job.GroupGetGroupsRequest;
import dev.cuegate.proto.job.GroupGetGroupsResponse;
import dev.cuegate.proto.job.GroupGetJobsRequest;
import dev.cuegate.proto.job.GroupGetJobsResponse;
import dev.cuegate.proto.job.GroupInterfaceGrpc;
import dev.cuegate.proto.job.GroupSeq;
import dev.cuegate.proto.job.GroupSetDefJobPriorityRequest;
import dev.cuegate.proto.job.GroupSetDefJobPriorityResponse;
import dev.cuegate.proto.job.GroupSetMaxCoresRequest;
import dev.cuegate.proto.job.GroupSetMaxCoresResponse;
import dev.cuegate.proto.job.GroupSetMinCoresRequest;
import dev.cuegate.proto.job.GroupSetMinCoresResponse;
import dev.cuegate.proto.job.Job;
import dev.cuegate.proto.job.JobSeq;
import dev.cuegate.proto.job.JobState;
import io.grpc.stub.StreamObserver;
import java.util.List;

/** The fake's {@code job.GroupInterface}. */
final class FakeGroupService extends GroupInterfaceGrpc.GroupInterfaceImplBase {

  private final FarmState farm;

  FakeGroupService(FarmState farm) {
    this.farm = farm;
  }

  private String groupId(Group ref) {
    return farm.group(ref).getId();
  }

  @Override
  public void findGroup(GroupFindGroupRequest request, StreamObserver<GroupFindGroupResponse> out) {
    Group group = farm.findGroup(request.getShow(), request.getName());
    reply(out, GroupFindGroupResponse.newBuilder().setGroup(group).build());
  }

  @Override
  public void getGroup(GroupGetGroupRequest request, StreamObserver<GroupGetGroupResponse> out) {
    reply(out, GroupGetGroupResponse.newBuilder().setGroup(farm.group(request.getId())).build());
  }

  @Override
  public void getGroups(GroupGetGroupsRequest request, StreamObserver<GroupGetGroupsResponse> out) {
    GroupSeq groups =
        GroupSeq.newBuilder().addAllGroups(farm.childGroups(groupId(request.getGroup()))).build();
    reply(out, GroupGetGroupsResponse.newBuilder().setGroups(groups).build());
  }

  @Override
  public void getJobs(GroupGetJobsRequest request, StreamObserver<GroupGetJobsResponse> out) {
    Group group = farm.group(request.getGroup());
    String show = farm.showOfGroup(group.getId());
    List<Job> jobs =
        farm.jobs().stream()
            .filter(j -> j.getShow().equals(show) && j.getGroup().equals(group.getName()))
            .filter(j -> j.getState() == JobState.PENDING)
            .toList();
    reply(
        out,
        GroupGetJobsResponse.newBuilder().setJobs(JobSeq.newBuilder().addAllJobs(jobs)).build());
  }

  @Override
  public void setMinCores(
      GroupSetMinCoresRequest request, StreamObserver<GroupSetMinCoresResponse> out) {
    requireNonNegative(request.getMinCores(), "min_cores");
    farm.updateGroup(groupId(request.getGroup()), g -> g.setMinCores(request.getMinCores()));
    reply(out, GroupSetMinCoresResponse.getDefaultInstance());
  }

  @Override
  public void setMaxCores(
      GroupSetMaxCoresRequest request, StreamObserver<GroupSetMaxCoresResponse> out) {
    // Cuebot stores -1 for "no limit", so only values below that are invalid.
    if (request.getMaxCores() < -1) {
      throw FarmState.invalid("max_cores must be -1 or more, got " + request.getMaxCores());
    }
    farm.updateGroup(groupId(request.getGroup()), g -> g.setMaxCores(request.getMaxCores()));
    reply(out, GroupSetMaxCoresResponse.getDefaultInstance());
  }

  @Override
  public void setDefaultJobPriority(
      GroupSetDefJobPriorityRequest request, StreamObserver<GroupSetDefJobPriorityResponse> out) {
    requireNonNegative(request.getPriority(), "priority");
    farm.updateGroup(
        groupId(request.getGroup()), g -> g.setDefaultJobPriority(request.getPriority()));
    reply(out, GroupSetDefJobPriorityResponse.getDefaultInstance());
  }
}
