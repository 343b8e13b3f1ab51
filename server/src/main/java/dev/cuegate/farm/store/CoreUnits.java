package dev.cuegate.farm.store;

/** Cores as clients give them (2.5), in hundredths of a core as Cuebot and the farm store them. */
final class CoreUnits {
  private CoreUnits() {}

  /** @throws FarmException INVALID_ARGUMENT naming {@code field} for negative or no number */
  static int hundredths(String field, float cores) {
    if (!(cores >= 0) || Float.isInfinite(cores)) {
      throw FarmException.invalid(field + " must be 0 or more cores, got " + cores);
    }
    return Math.round(cores * 100);
  }
}
