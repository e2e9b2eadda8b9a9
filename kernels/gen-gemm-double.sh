#!/usr/bin/env bash
# Regenerates GemmDouble.java from GemmFloat.java (float → double, FS → DS, float literals → double;
# the transposes' integer lanes int → long).
# Edit GemmFloat.java, then run this (--stdout prints instead of writing); GeneratedSourcesTest fails when the two have drifted apart.
set -euo pipefail
dir="$(cd "$(dirname "$0")" && pwd)/src/main/java/dev/basin/kernels"
generate() {
  sed -e 's/FloatVector/DoubleVector/g; s/float/double/g; s/Float/Double/g; s/\bFS\b/DS/g; s/\b0f\b/0.0/g; s/\b1f\b/1.0/g' \
      -e 's/IntVector/LongVector/g; s/reinterpretAsInts/reinterpretAsLongs/g; s/VectorSpecies<Integer>/VectorSpecies<Long>/g; s/withLanes(int\.class)/withLanes(long.class)/g' \
      -e 's/int\[\] TRANSPOSE_INDEX/long[] TRANSPOSE_INDEX/; s/static int\[\] transposeIndex/static long[] transposeIndex/; s/int\[\] x = new int\[2 \* TRANSPOSE_STAGES/long[] x = new long[2 * TRANSPOSE_STAGES/' \
      -e '/{@code GemmDouble} is generated from this file/{N;s|.*| * <p>Generated from {@code GemmFloat} (float → double, FS → DS, 0f → 0.0): edit that file and\n * run kernels/gen-gemm-double.sh, so the two never drift apart.|}' \
      "$dir/GemmFloat.java"
}
if [[ "${1:-}" == "--stdout" ]]; then generate; else generate > "$dir/GemmDouble.java"; fi
