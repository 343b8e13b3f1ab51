package dev.cuegate.farm.spec;

/** An output a layer registers: {@code <output name="...">path</output>}. */
public record LayerOutput(String name, String path) {}
