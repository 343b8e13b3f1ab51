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
import dev.cuegate.proto.job.GroupSetDefJobMaxCoresRequest;
import dev.cuegate.proto.job.GroupSetDefJobMaxCoresResponse;
import dev.cuegate.proto.job.GroupSetDefJobMaxGpusRequest;
import dev.cuegate.proto.job.GroupSetDefJobMaxGpusResponse;
import dev.cuegate.proto.job.GroupSetDefJobMinCoresRequest;
import dev.cuegate.proto.job.GroupSetDefJobMinCoresResponse;
import dev.cuegate.proto.job.GroupSetDefJobMinGpusRequest;
import dev.cuegate.proto.job.GroupSetDefJobMinGpusResponse;
import dev.cuegate.proto.job.GroupSetDefJobPriorityRequest;
import dev.cuegate.proto.job.GroupSetDefJobPriorityResponse;
import dev.cuegate.proto.job.GroupSetDeptRequest;
import dev.cuegate.proto.job.GroupSetDeptResponse;
import dev.cuegate.proto.job.GroupSetGroupRequest;
import dev.cuegate.proto.job.GroupSetGroupResponse;
import dev.cuegate.proto.job.GroupSetMaxCoresRequest;
import dev.cuegate.proto.job.GroupSetMaxCoresResponse;
import dev.cuegate.proto.job.GroupSetMaxGpusRequest;
import dev.cuegate.proto.job.GroupSetMaxGpusResponse;
import dev.cuegate.proto.job.GroupSetMinCoresRequest;
import dev.cuegate.proto.job.GroupSetMinCoresResponse;
import dev.cuegate.proto.job.GroupSetMinGpusRequest;
import dev.cuegate.proto.job.GroupSetMinGpusResponse;
import dev.cuegate.proto.job.GroupSetNameRequest;
import dev.cuegate.proto.job.GroupSetNameResponse;
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

  @Override
  public void setName(GroupSetNameRequest request, StreamObserver<GroupSetNameResponse> observer) {
    Calls.answer(observer, () -> {
      groups.rename(id(request.getGroup()), request.getName());
      return GroupSetNameResponse.getDefaultInstance();
    });
  }

  @Override
  public void setDefaultJobPriority(GroupSetDefJobPriorityRequest request, StreamObserver<GroupSetDefJobPriorityResponse> observer) {
    Calls.answer(observer, () -> {
      groups.set(id(request.getGroup()), "job_priority", "priority", request.getPriority());
      return GroupSetDefJobPriorityResponse.getDefaultInstance();
    });
  }

  @Override
  public void setDefaultJobMinCores(GroupSetDefJobMinCoresRequest request, StreamObserver<GroupSetDefJobMinCoresResponse> observer) {
    Calls.answer(observer, () -> {
      groups.setCores(id(request.getGroup()), "job_min_cores", "min_cores", request.getMinCores());
      return GroupSetDefJobMinCoresResponse.getDefaultInstance();
    });
  }

  @Override
  public void setDefaultJobMaxCores(GroupSetDefJobMaxCoresRequest request, StreamObserver<GroupSetDefJobMaxCoresResponse> observer) {
    Calls.answer(observer, () -> {
      groups.setCores(id(request.getGroup()), "job_max_cores", "max_cores", request.getMaxCores());
      return GroupSetDefJobMaxCoresResponse.getDefaultInstance();
    });
  }

  @Override
  public void setDefaultJobMinGpus(GroupSetDefJobMinGpusRequest request, StreamObserver<GroupSetDefJobMinGpusResponse> observer) {
    Calls.answer(observer, () -> {
      groups.set(id(request.getGroup()), "job_min_gpus", "min_gpus", request.getMinGpus());
      return GroupSetDefJobMinGpusResponse.getDefaultInstance();
    });
  }

  @Override
  public void setDefaultJobMaxGpus(GroupSetDefJobMaxGpusRequest request, StreamObserver<GroupSetDefJobMaxGpusResponse> observer) {
    Calls.answer(observer, () -> {
      groups.set(id(request.getGroup()), "job_max_gpus", "max_gpus", request.getMaxGpus());
      return GroupSetDefJobMaxGpusResponse.getDefaultInstance();
    });
  }

  @Override
  public void setMinCores(GroupSetMinCoresRequest request, StreamObserver<GroupSetMinCoresResponse> observer) {
    Calls.answer(observer, () -> {
      groups.setCores(id(request.getGroup()), "min_cores", "min_cores", request.getMinCores());
      return GroupSetMinCoresResponse.getDefaultInstance();
    });
  }

  @Override
  public void setMaxCores(GroupSetMaxCoresRequest request, StreamObserver<GroupSetMaxCoresResponse> observer) {
    Calls.answer(observer, () -> {
      groups.setCores(id(request.getGroup()), "max_cores", "max_cores", request.getMaxCores());
      return GroupSetMaxCoresResponse.getDefaultInstance();
    });
  }

  @Override
  public void setMinGpus(GroupSetMinGpusRequest request, StreamObserver<GroupSetMinGpusResponse> observer) {
    Calls.answer(observer, () -> {
      groups.set(id(request.getGroup()), "min_gpus", "min_gpus", request.getMinGpus());
      return GroupSetMinGpusResponse.getDefaultInstance();
    });
  }

  @Override
  public void setMaxGpus(GroupSetMaxGpusRequest request, StreamObserver<GroupSetMaxGpusResponse> observer) {
    Calls.answer(observer, () -> {
      groups.set(id(request.getGroup()), "max_gpus", "max_gpus", request.getMaxGpus());
      return GroupSetMaxGpusResponse.getDefaultInstance();
    });
  }

  @Override
  public void setDepartment(GroupSetDeptRequest request, StreamObserver<GroupSetDeptResponse> observer) {
    Calls.answer(observer, () -> {
      String group = id(request.getGroup());
      if (!request.getDept().equals(DepartmentService.UNKNOWN)) {
        throw new FarmException(FarmException.Kind.NOT_FOUND, "dept: the only department is "
            + DepartmentService.UNKNOWN + ", not \"" + request.getDept() + "\"");
      }
      groups.group(group);
      return GroupSetDeptResponse.getDefaultInstance();
    });
  }

  @Override
  public void setGroup(GroupSetGroupRequest request, StreamObserver<GroupSetGroupResponse> observer) {
    Calls.answer(observer, () -> {
      groups.reparentGroups(RequiredIds.of("parent_group.id", request.getParentGroup().getId()),
          List.of(id(request.getGroup())));
      return GroupSetGroupResponse.getDefaultInstance();
    });
  }

  private static String id(Group group) {
    return RequiredIds.of("group.id", group.getId());
  }
}
