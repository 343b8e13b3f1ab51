package dev.cuegate.shaman;

import com.linecorp.armeria.server.ServerBuilder;

/** What {@code SHAMAN_ENABLED=false} gets: no routes, no schedule, no folders. */
final class DisabledShamanService implements ShamanService {
  @Override
  public void mountOn(ServerBuilder sb) {}

  @Override
  public void start() {}

  @Override
  public void close() {}
}
