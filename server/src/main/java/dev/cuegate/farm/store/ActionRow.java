package dev.cuegate.farm.store;

import dev.cuegate.proto.filter.ActionType;

/**
 * What a filter does to a job it matches.
 *
 * @param groupId the group of MOVE_JOB_TO_GROUP, else null
 * @param value the priority of SET_JOB_PRIORITY, the whole cores of SET_JOB_MAX_CORES, 1 or 0
 *     for PAUSE_JOB (pause or resume); 0 otherwise
 */
public record ActionRow(String id, String filterId, ActionType type, String groupId, int value) {}
