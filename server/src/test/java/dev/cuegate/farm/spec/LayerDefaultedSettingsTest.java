package dev.cuegate.farm.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The parser records which settings a layer's spec left out, for its service to give. */
class LayerDefaultedSettingsTest {

  @Test
  void aLayerWithoutResourceElementsLeavesEveryServiceSettingOut() {
    LayerDefinition layer = layer(Specs.layerBody(""));

    assertThat(layer.defaulted()).isEqualTo(LayerDefinition.SERVICE_SETTINGS);
  }

  @Test
  void theElementsTheSpecWritesAreNotLeftOut() {
    LayerDefinition layer = layer(Specs.layerBody(
        "<cores>2.0</cores><threadable>True</threadable><memory>2g</memory><gpu>1g</gpu>"
            + "<tags>general</tags>"));

    assertThat(layer.defaulted()).containsExactlyInAnyOrder("gpus", "timeout", "timeout_llu");
  }

  private static LayerDefinition layer(String layerBody) {
    return JobSpecParser.parse(Specs.withLayer(layerBody)).jobs().get(0).layers().get(0);
  }
}
