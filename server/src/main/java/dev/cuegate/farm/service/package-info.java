/**
 * OpenCue's gRPC services of the embedded farm ({@code job.JobInterface},
 * {@code show.ShowInterface}, ...), answering from the farm's store.
 */
package dev.cuegate.farm.service;
