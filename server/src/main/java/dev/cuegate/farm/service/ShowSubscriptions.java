package dev.cuegate.farm.service;

import dev.cuegate.farm.store.FarmException;
import dev.cuegate.farm.store.FarmStore;
import dev.cuegate.farm.store.HostDirectory;
import dev.cuegate.farm.store.ShowRow;
import dev.cuegate.farm.store.SubscriptionRow;
import dev.cuegate.proto.subscription.Subscription;
import java.util.List;
import java.util.Optional;

/**
 * The shows' subscriptions to {@code local.general}: each show has one until it is deleted, with
 * the size and burst CueWeb last set, or all the allocation's cores when nothing was set.
 */
final class ShowSubscriptions {
  private final FarmStore store;
  private final HostDirectory hosts;

  ShowSubscriptions(FarmStore store, HostDirectory hosts) {
    this.store = store;
    this.hosts = hosts;
  }

  /** The show's subscriptions: its one to {@code local.general}, or none once deleted. */
  List<Subscription> of(ShowRow show) {
    Optional<SubscriptionRow> stored = store.subscriptions().stored(show.id());
    if (stored.map(SubscriptionRow::deleted).orElse(false)) {
      return List.of();
    }
    return List.of(LocalFacility.subscription(show, store.transaction(hosts::hosts), stored));
  }

  /**
   * Subscribes the show to the allocation {@code allocationId} (the id or name of
   * {@code local.general}) with {@code size} and {@code burst} cores.
   *
   * @throws FarmException INVALID_ARGUMENT for another allocation or negative cores
   */
  Subscription create(ShowRow show, String allocationId, float size, float burst) {
    if (!allocationId.equals(LocalFacility.ALLOCATION_ID)
        && !allocationId.equals(LocalFacility.ALLOCATION)) {
      throw new FarmException(FarmException.Kind.INVALID_ARGUMENT, "allocation_id: \""
          + allocationId + "\" is not an allocation of the embedded farm, whose one allocation"
          + " is " + LocalFacility.ALLOCATION + " (" + LocalFacility.ALLOCATION_ID + ")");
    }
    store.subscriptions().create(show.id(), show.name(), size, burst);
    return of(show).get(0);
  }

  /**
   * The show of the subscription a request names, by its id or its name
   * {@code local.general.<show>}.
   *
   * @throws FarmException NOT_FOUND when no show has that subscription
   */
  ShowRow show(Subscription subscription) {
    if (subscription.getId().isEmpty() && subscription.getName().isEmpty()) {
      throw new FarmException(FarmException.Kind.INVALID_ARGUMENT,
          "subscription: give its id or name");
    }
    for (ShowRow show : store.shows(false)) {
      if (subscription.getId().equals(LocalFacility.subscriptionId(show))
          || subscription.getName().equals(LocalFacility.ALLOCATION + "." + show.name())) {
        return show;
      }
    }
    throw new FarmException(FarmException.Kind.NOT_FOUND, "subscription "
        + (subscription.getId().isEmpty() ? "\"" + subscription.getName() + "\""
            : subscription.getId()) + " does not exist");
  }

  /** Every core of the farm's hosts now, in hundredths: the default size and burst. */
  int allCores() {
    return LocalFacility.allCores(store.transaction(hosts::hosts));
  }
}
