package dev.cuegate.farm.store;

import dev.cuegate.db.Database;
import dev.cuegate.db.Sql;
import dev.cuegate.db.Transaction;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The shows' subscriptions to {@code local.general} as CueWeb sets them. A show whose
 * subscription was never changed has the default one, whose size and burst are every core of
 * the allocation: the callers pass those cores in, since only they know the hosts.
 */
public final class Subscriptions {
  private final Database database;

  Subscriptions(Database database) {
    this.database = database;
  }

  /** The show's subscription as last set; empty while it has the default one. */
  public Optional<SubscriptionRow> stored(String showId) {
    return database.transaction(c -> row(c, showId));
  }

  /**
   * Sets the size (hundredths of a core) of the show's subscription.
   *
   * @throws FarmException INVALID_ARGUMENT for a negative size, NOT_FOUND once it was deleted
   */
  public void setSize(String showId, int size, int allCores) {
    notNegative("new_size", size);
    database.transaction(c -> {
      SubscriptionRow current = existing(c, showId, allCores);
      return write(c, new SubscriptionRow(showId, size, current.burst(), false));
    });
  }

  /**
   * Sets the burst (hundredths of a core) of the show's subscription.
   *
   * @throws FarmException INVALID_ARGUMENT for a negative burst, NOT_FOUND once it was deleted
   */
  public void setBurst(String showId, int burst, int allCores) {
    notNegative("burst", burst);
    database.transaction(c -> {
      SubscriptionRow current = existing(c, showId, allCores);
      return write(c, new SubscriptionRow(showId, current.size(), burst, false));
    });
  }

  /** @throws FarmException NOT_FOUND when the show has no subscription */
  public void delete(String showId, int allCores) {
    database.transaction(c -> {
      SubscriptionRow current = existing(c, showId, allCores);
      return write(c, new SubscriptionRow(showId, current.size(), current.burst(), true));
    });
  }

  /**
   * Subscribes the show again after its subscription was deleted, with {@code size} and
   * {@code burst} cores.
   *
   * @throws FarmException INVALID_ARGUMENT for a negative size or burst, ALREADY_EXISTS while
   *     the show has a subscription
   */
  public void create(String showId, String showName, float sizeCores, float burstCores) {
    int size = CoreUnits.hundredths("size", sizeCores);
    int burst = CoreUnits.hundredths("burst", burstCores);
    database.transaction(c -> {
      if (!row(c, showId).map(SubscriptionRow::deleted).orElse(false)) {
        throw new FarmException(FarmException.Kind.ALREADY_EXISTS,
            "show \"" + showName + "\" already has a subscription to local.general");
      }
      return write(c, new SubscriptionRow(showId, size, burst, false));
    });
  }

  private static SubscriptionRow existing(Transaction c, String showId, int allCores)
      throws SQLException {
    SubscriptionRow row = row(c, showId)
        .orElse(new SubscriptionRow(showId, allCores, allCores, false));
    if (row.deleted()) {
      throw FarmException.notFound("the show's subscription to local.general was deleted");
    }
    return row;
  }

  private static Optional<SubscriptionRow> row(Transaction c, String showId)
      throws SQLException {
    return Sql.one(c, "SELECT size_cores, burst_cores, deleted FROM show_subscription"
            + " WHERE show_id = ?",
        row -> new SubscriptionRow(showId, row.getInt(1), row.getInt(2), row.getBoolean(3)),
        showId);
  }

  private static int write(Transaction c, SubscriptionRow row) throws SQLException {
    int updated = Sql.update(c, "UPDATE show_subscription SET size_cores = ?, burst_cores = ?,"
        + " deleted = ? WHERE show_id = ?", row.size(), row.burst(), row.deleted(), row.showId());
    if (updated > 0) {
      return updated;
    }
    return Sql.update(c, "INSERT INTO show_subscription (show_id, size_cores, burst_cores,"
        + " deleted) VALUES (?, ?, ?, ?)", row.showId(), row.size(), row.burst(), row.deleted());
  }

  private static void notNegative(String field, int value) {
    if (value < 0) {
      throw FarmException.invalid(field + " must be 0 or more, got " + value);
    }
  }
}
