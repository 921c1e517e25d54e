#!/usr/bin/env bash
# The GPU proof of the trainer's CUDA step (issue 18) on a lent device machine, which has CUDA libraries and a
# driver but no Java and no network, and takes at most 64 MiB of files per call. The payload (a jlink'd Java runtime,
# the trainer's classes, tests and libraries, JUnit's console launcher) is packed here and travels in parts.
#
#   bash docs/tools/gpu-check.sh pack          here: build, pack, split into target/gpu-payload/part-NN (< 60 MiB)
#   bash docs/tools/gpu-check.sh receive NN    device: keep carried part NN in $HPO_GPU_HOME (default ~/hpo-gpu)
#   bash docs/tools/gpu-check.sh run [OUT]     device: unpack, show the GPU, run the GPU tests, then the benchmarks
#                                             (reference net at batch 16/32/64 and the 3 x 1024 net, GPU and CPU;
#                                             PyTorch where present); figures in OUT (default $HPO_GPU_HOME/out)
#   bash docs/tools/gpu-check.sh rehearse      here: pack, receive every part, run; the GPU parts then report why
#                                             they cannot run, everything else runs as on the device
#
# On the device, one call per part (carry: ["target/gpu-payload/part-00"], then part-01, ...), the last one
# followed by run, e.g. command "bash docs/tools/gpu-check.sh receive 02 && bash docs/tools/gpu-check.sh run $OUT".
set -euo pipefail
cd "$(dirname "$0")/../.."
home=${HPO_GPU_HOME:-$HOME/hpo-gpu}
payload=target/gpu-payload
junit_version=6.0.3
part_size=58m
# The JRE's modules: what DL4J, ND4J, JavaCPP, Jackson and JUnit's launcher use (jdeps over the payload's jars,
# plus the ones they load by name: jdk.unsupported for sun.misc.Unsafe, jdk.management for the CPU time).
modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,\
java.prefs,java.scripting,java.sql,java.xml,jdk.management,jdk.unsupported,jdk.zipfs,jdk.crypto.ec
# Jars the GPU tests and benchmarks do not load: Quarkus, Kafka, the HTTP stack, Maven's resolver (quarkus-junit's),
# JBoss LogManager (the trainer's logging outside Quarkus falls back to java.util.logging), and JUnit's own jars,
# which the console launcher bundles.
not_needed='/(io/quarkus|io/smallrye|io/netty|io/vertx|io/opentelemetry|org/apache/kafka|io/rest-assured|org/apache/groovy|io/micrometer|io/prometheus|org/jboss/resteasy|com/aayushatharva|org/graalvm|org/aesh|net/bytebuddy|org/hamcrest|org/xerial|com/github/luben|org/lz4|org/apache/httpcomponents|org/jctools|org/latencyutils|org/hdrhistogram|org/fusesource|org/wildfly|org/ow2|jakarta|org/eclipse|org/codehaus|org/apache/maven|com/google/inject|com/google/guava|aopalliance|org/junit|org/opentest4j|org/apiguardian|org/jboss/logmanager|org/jboss/slf4j|org/jboss/threads)/'
gpu_tests=(dev.hpo.trainer.gpu.CudaKernelsTest dev.hpo.trainer.gpu.CudaDenseStepTest dev.hpo.trainer.gpu.TrainerDeviceTest
           dev.hpo.trainer.gpu.DenseLayoutTest dev.hpo.trainer.bench.TrainerBenchTest
           dev.hpo.trainer.training.TrialRunnerTest)

pack() {
  local java_home=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
  ./mvnw -B -ntp -q install -DskipTests -pl common,trainer-service -am
  ./mvnw -B -ntp -q -pl trainer-service test-compile dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile=target/gpu-classpath.txt
  ./mvnw -B -ntp -q dependency:copy -Dartifact=org.junit.platform:junit-platform-console-standalone:$junit_version \
      -DoutputDirectory=target/gpu-junit
  rm -rf target/gpu-stage "$payload" && mkdir -p target/gpu-stage/lib "$payload"
  tr ':' '\n' < trainer-service/target/gpu-classpath.txt | grep -v -E "$not_needed" | while read -r jar; do
    cp "$jar" target/gpu-stage/lib/
  done
  cp target/gpu-junit/junit-platform-console-standalone-$junit_version.jar target/gpu-stage/junit.jar
  cp -r trainer-service/target/classes target/gpu-stage/classes
  cp -r trainer-service/target/test-classes target/gpu-stage/test-classes
  cp docs/tools/gpu-check.sh target/gpu-stage/
  "$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
      --output target/gpu-stage/jre
  tar -C target/gpu-stage -czf target/gpu-payload.tar.gz .
  split -b "$part_size" -d target/gpu-payload.tar.gz "$payload/part-"
  ls -l "$payload"
  echo "payload: $(du -h target/gpu-payload.tar.gz | cut -f1) in $(ls "$payload" | wc -l) part(s) of at most $part_size"
}

receive() {
  local part=$1
  mkdir -p "$home/parts"
  cp "$payload/part-$part" "$home/parts/part-$part"
  echo "kept part-$part ($(du -h "$home/parts/part-$part" | cut -f1)); $(ls "$home/parts" | wc -l) part(s) in $home/parts"
}

run() {
  local out=${1:-$home/out}
  mkdir -p "$out"
  exec > >(tee "$out/gpu-check.txt") 2>&1
  rm -rf "$home/app" && mkdir -p "$home/app"
  cat "$home"/parts/part-* | tar -C "$home/app" -xzf -
  local app=$home/app
  local java=$app/jre/bin/java
  # every jar by name: JUnit's --class-path takes no wildcard
  local cp
  cp="$app/classes:$app/test-classes:$(find "$app/lib" -name '*.jar' | sort | paste -sd:)"
  local props=(-Dorg.bytedeco.javacpp.cachedir="$home/javacpp" -Dorg.bytedeco.javacpp.maxPhysicalBytes=0)
  echo "== machine"
  (nvidia-smi --query-gpu=name,compute_cap,driver_version,memory.total --format=csv 2>&1 || echo "no nvidia-smi") | head -5
  echo "cores: $(nproc), java: $("$java" -version 2>&1 | head -1)"
  echo "== GPU tests"
  local selectors=()
  for t in "${gpu_tests[@]}"; do selectors+=(--select-class "$t"); done
  OMP_NUM_THREADS=1 "$java" "${props[@]}" -jar "$app/junit.jar" execute --class-path "$cp" "${selectors[@]}" \
      --details=tree --disable-banner --disable-ansi-colors --reports-dir="$out/junit" || echo "GPU tests: failures above"
  bench() {
    echo "-- TrainerBench $*"
    "$java" "${props[@]}" -XX:+UseParallelGC -cp "$cp" dev.hpo.trainer.bench.TrainerBench --json "$@" \
        2> >(sed 's/^/   /' >&2) | tee -a "$out/bench.jsonl" || echo "   (failed: $*)"
  }
  echo "== reference net (fraud-mlp 40/20, 8,000 training rows)"
  OMP_NUM_THREADS=1 bench --device cpu --batch 16,32,64 --epochs 5
  bench --device cuda --batch 16,32,64 --epochs 5
  echo "== large net (3 x 1024, 256 features, 200,000 rows: 160,000 training rows)"
  bench --device cuda --hidden 1024,1024,1024 --features 256 --rows 200000 --batch 1024 --epochs 3
  OMP_NUM_THREADS=$(nproc) bench --device cpu --hidden 1024,1024,1024 --features 256 --rows 200000 --batch 1024 \
      --epochs 1 --warmup 0
  echo "== PyTorch"
  if python3 -c 'import torch; print("torch", torch.__version__, "cuda", torch.cuda.is_available())' 2>/dev/null; then
    echo "PyTorch is present: run /work/shared/peers/torch_mlp.py beside (not carried by this script)"
  else
    echo "no PyTorch on this machine"
  fi
  echo "== done: $out"
}

rehearse() {
  pack
  export HPO_GPU_HOME=${HPO_GPU_HOME:-$(mktemp -d)}
  home=$HPO_GPU_HOME
  for part in "$payload"/part-*; do
    receive "${part##*part-}"
  done
  run "$home/out"
}

case "${1:-}" in
  pack) pack ;;
  receive) receive "${2:?part number, e.g. 00}" ;;
  run) run "${2:-}" ;;
  rehearse) rehearse ;;
  *) sed -n '2,17p' "$0"; exit 2 ;;
esac
