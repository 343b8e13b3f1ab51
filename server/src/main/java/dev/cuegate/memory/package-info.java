/**
 * The process' memory: what the heap and the C heap grew to under load is given back to the
 * system once the service goes idle (docs/PERFORMANCE.md, "Memory at idle").
 */
package dev.cuegate.memory;
