package com.mas.gateway.language;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The startup cost of the language tables: one build in a fresh JVM per fork (ICU loads its
 * data and compiles the transliterator rules, then every table is derived), as the gateway pays
 * it once when it starts.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(5)
public class TableBuildBenchmark {

  @Benchmark
  public Languages coldBuild() {
    return Languages.build();
  }
}
