package dev.cuegate.farm.service;

import dev.cuegate.farm.store.CommentRow;
import dev.cuegate.farm.store.DependRow;
import dev.cuegate.farm.store.FrameCounts;
import dev.cuegate.farm.store.FrameRow;
import dev.cuegate.farm.store.GroupRow;
import dev.cuegate.farm.store.JobRow;
import dev.cuegate.farm.store.LayerRow;
import dev.cuegate.farm.store.ShowRow;
import dev.cuegate.proto.comment.Comment;
import dev.cuegate.proto.depend.Depend;
import dev.cuegate.proto.depend.DependSeq;
import dev.cuegate.proto.depend.DependTarget;
import dev.cuegate.proto.depend.DependType;
import dev.cuegate.proto.job.Frame;
import dev.cuegate.proto.job.FrameState;
import dev.cuegate.proto.job.Group;
import dev.cuegate.proto.job.GroupStats;
import dev.cuegate.proto.job.Job;
import dev.cuegate.proto.job.JobStats;
import dev.cuegate.proto.job.Layer;
import dev.cuegate.proto.job.LayerStats;
import dev.cuegate.proto.job.LayerType;
import dev.cuegate.proto.show.Show;
import dev.cuegate.proto.show.ShowStats;
import java.util.List;

/** Store rows to OpenCue's messages, with the values Cuebot reports for what the farm lacks. */
final class Protos {
  /** Cuebot's marker for a group setting that is not set. */
  private static final int UNSET = -1;

  private Protos() {}

  static Show show(ShowRow show) {
    FrameCounts frames = show.frames();
    return Show.newBuilder()
        .setId(show.id())
        .setName(show.name())
        .setDefaultMinCores(show.defaultMinCores() / 100f)
        .setDefaultMaxCores(show.defaultMaxCores() / 100f)
        .setBookingEnabled(show.bookingEnabled())
        .setDispatchEnabled(show.dispatchEnabled())
        .setActive(show.active())
        .setCommentEmail(show.commentEmail())
        .setShowStats(ShowStats.newBuilder()
            .setRunningFrames(frames.get(FrameState.RUNNING))
            .setDeadFrames(frames.get(FrameState.DEAD))
            .setPendingFrames(frames.pending())
            .setPendingJobs(show.pendingJobs())
            .setCreatedJobCount(show.createdJobCount())
            .setCreatedFrameCount(show.createdFrameCount())
            .setRenderedFrameCount(show.renderedFrameCount())
            .setFailedFrameCount(show.failedFrameCount()))
        .build();
  }

  static Group group(GroupRow group) {
    FrameCounts frames = group.frames();
    return Group.newBuilder()
        .setId(group.id())
        .setName(group.name())
        .setDepartment(DepartmentService.UNKNOWN)
        .setDefaultJobPriority(group.setting("job_priority"))
        .setDefaultJobMinCores(cores(group.setting("job_min_cores")))
        .setDefaultJobMaxCores(cores(group.setting("job_max_cores")))
        .setMinCores(cores(group.setting("min_cores")))
        .setMaxCores(cores(group.setting("max_cores")))
        .setLevel(group.level())
        .setParentId(group.parentId() == null ? "" : group.parentId())
        .setGroupStats(GroupStats.newBuilder()
            .setRunningFrames(frames.get(FrameState.RUNNING))
            .setDeadFrames(frames.get(FrameState.DEAD))
            .setDependFrames(frames.get(FrameState.DEPEND))
            .setWaitingFrames(frames.get(FrameState.WAITING))
            .setPendingJobs(group.pendingJobs()))
        .setDefaultJobMinGpus(group.setting("job_min_gpus"))
        .setDefaultJobMaxGpus(group.setting("job_max_gpus"))
        .setMinGpus(group.setting("min_gpus"))
        .setMaxGpus(group.setting("max_gpus"))
        .build();
  }

  /** Stored hundredths as cores; unset stays -1. */
  private static float cores(int hundredths) {
    return hundredths < 0 ? UNSET : hundredths / 100f;
  }

  static Job job(JobRow job) {
    FrameCounts frames = job.frames();
    Job.Builder builder = Job.newBuilder()
        .setId(job.id())
        .setState(job.state())
        .setName(job.name())
        .setShot(job.shot())
        .setShow(job.show())
        .setUser(job.user())
        .setGroup(job.group())
        .setFacility(job.facility())
        .setOs(job.os())
        .setPriority(job.priority())
        .setMinCores(job.minCores() / 100f)
        .setMaxCores(job.maxCores().orElse(0) / 100f)
        .setMinGpus(job.minGpus())
        .setMaxGpus(job.maxGpus().orElse(0))
        .setLogDir(job.logDir())
        .setIsPaused(job.paused())
        .setHasComment(job.hasComment())
        .setAutoEat(job.autoEat())
        .setStartTime((int) job.startTime())
        .setStopTime((int) job.stopTime())
        .setJobStats(JobStats.newBuilder()
            .setTotalLayers(job.layerCount())
            .setTotalFrames(frames.total())
            .setWaitingFrames(frames.get(FrameState.WAITING))
            .setRunningFrames(frames.get(FrameState.RUNNING))
            .setDeadFrames(frames.get(FrameState.DEAD))
            .setEatenFrames(frames.get(FrameState.EATEN))
            .setDependFrames(frames.get(FrameState.DEPEND))
            .setSucceededFrames(frames.get(FrameState.SUCCEEDED))
            .setPendingFrames(frames.pending())
            .setRenderedFrameCount(frames.get(FrameState.SUCCEEDED))
            .setFailedFrameCount(frames.get(FrameState.DEAD)));
    job.uid().ifPresent(builder::setUid);
    return builder.build();
  }

  static Layer layer(LayerRow layer) {
    FrameCounts frames = layer.frames();
    return Layer.newBuilder()
        .setId(layer.id())
        .setName(layer.name())
        .setRange(layer.range())
        .addAllTags(layer.tags())
        .setMinCores(layer.cores() / 100f)
        .setIsThreadable(layer.threadable())
        .setMinMemory(layer.memoryKib())
        .setMinGpuMemory(layer.gpuMemoryKib())
        .setChunkSize(layer.chunk())
        .setDispatchOrder(layer.dispatchOrder())
        .setType(switch (layer.type()) {
          case RENDER -> LayerType.RENDER;
          case UTIL -> LayerType.UTIL;
          case POST -> LayerType.POST;
        })
        .addAllServices(layer.services().isEmpty() ? List.of("default")
            : layer.services())
        .setLayerStats(LayerStats.newBuilder()
            .setTotalFrames(frames.total())
            .setWaitingFrames(frames.get(FrameState.WAITING))
            .setRunningFrames(frames.get(FrameState.RUNNING))
            .setDeadFrames(frames.get(FrameState.DEAD))
            .setEatenFrames(frames.get(FrameState.EATEN))
            .setDependFrames(frames.get(FrameState.DEPEND))
            .setSucceededFrames(frames.get(FrameState.SUCCEEDED))
            .setPendingFrames(frames.pending())
            .setRenderedFrameCount(frames.get(FrameState.SUCCEEDED))
            .setFailedFrameCount(frames.get(FrameState.DEAD)))
        .setParentId(layer.jobId())
        .addAllLimits(layer.limits())
        .setTimeout(layer.timeoutMinutes())
        .setTimeoutLlu(layer.timeoutLluMinutes())
        .setMinGpus(layer.gpus())
        .setCommand(layer.command())
        .setStartAfter(layer.startAfter())
        .build();
  }

  static Frame frame(FrameRow frame) {
    return Frame.newBuilder()
        .setId(frame.id())
        .setName(frame.name())
        .setLayerName(frame.layerName())
        .setNumber(frame.number())
        .setState(frame.state())
        .setRetryCount(frame.retryCount())
        .setExitStatus(frame.exitStatus())
        .setDispatchOrder(frame.dispatchOrder())
        .setStartTime((int) frame.startTime())
        .setStopTime((int) frame.stopTime())
        .build();
  }

  static Comment comment(CommentRow comment) {
    return Comment.newBuilder()
        .setId(comment.id())
        .setTimestamp((int) comment.created())
        .setUser(comment.user())
        .setSubject(comment.subject())
        .setMessage(comment.message())
        .build();
  }

  static DependSeq depends(List<DependRow> rows) {
    DependSeq.Builder depends = DependSeq.newBuilder();
    rows.forEach(row -> depends.addDepends(Depend.newBuilder()
        .setId(row.id())
        .setType(DependType.valueOf(row.type()))
        .setTarget(row.internal() ? DependTarget.INTERNAL : DependTarget.EXTERNAL)
        .setAnyFrame(row.anyFrame())
        .setActive(row.active())
        .setDependErJob(row.erJob())
        .setDependErLayer(row.erLayer())
        .setDependErFrame(row.erFrame())
        .setDependOnJob(row.onJob())
        .setDependOnLayer(row.onLayer())
        .setDependOnFrame(row.onFrame())));
    return depends.build();
  }
}
