package com.mas.gateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mas.gateway.simulator.FaultPlan.Kind;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

  @Test
  void reads_a_status_with_retry_after() {
    assertThat(FaultPlan.parse("status=429; retry-after=2"))
        .isEqualTo(new FaultPlan(Kind.STATUS, 429, 2, 0));
    assertThat(FaultPlan.parse("retry-after=5;status=503"))
        .isEqualTo(new FaultPlan(Kind.STATUS, 503, 5, 0));
  }

  @Test
  void reads_each_positional_fault() {
    assertThat(FaultPlan.parse("cut-after=3")).isEqualTo(new FaultPlan(Kind.CUT, 0, -1, 3));
    assertThat(FaultPlan.parse("stall-after=0")).isEqualTo(new FaultPlan(Kind.STALL, 0, -1, 0));
    assertThat(FaultPlan.parse("malformed-after=2").kind()).isEqualTo(Kind.MALFORMED);
    assertThat(FaultPlan.parse("ERROR-after=4")).isEqualTo(new FaultPlan(Kind.ERROR, 0, -1, 4));
    assertThat(FaultPlan.parse("reset").kind()).isEqualTo(Kind.RESET);
  }

  @Test
  void a_cut_in_a_call_falls_inside_that_calls_arguments() {
    assertThat(FaultPlan.parse("cut-in-call=0")).isEqualTo(new FaultPlan(Kind.CUT, 0, -1, 2));
    assertThat(FaultPlan.parse("cut-in-call=1")).isEqualTo(new FaultPlan(Kind.CUT, 0, -1, 7));
    assertThat(FaultPlan.forModel("sim-cut-call-1")).isEqualTo(new FaultPlan(Kind.CUT, 0, -1, 7));
  }

  @Test
  void rejects_what_it_cannot_read() {
    assertThatThrownBy(() -> FaultPlan.parse("status=200")).hasMessageContaining("400..599");
    assertThatThrownBy(() -> FaultPlan.parse("cut-after=x")).hasMessageContaining("cut-after=x");
    assertThatThrownBy(() -> FaultPlan.parse("explode")).hasMessageContaining("explode");
    assertThatThrownBy(() -> FaultPlan.parse("reset;cut-after=1"))
        .hasMessageContaining("more than one");
    assertThatThrownBy(() -> FaultPlan.parse("retry-after=1"))
        .hasMessageContaining("status");
  }

  @Test
  void model_names_choose_faults() {
    assertThat(FaultPlan.forModel("sim-status-429"))
        .isEqualTo(new FaultPlan(Kind.STATUS, 429, 1, 0));
    assertThat(FaultPlan.forModel("sim-status-503"))
        .isEqualTo(new FaultPlan(Kind.STATUS, 503, -1, 0));
    assertThat(FaultPlan.forModel("sim-reset").kind()).isEqualTo(Kind.RESET);
    assertThat(FaultPlan.forModel("sim-cut-5")).isEqualTo(new FaultPlan(Kind.CUT, 0, -1, 5));
    assertThat(FaultPlan.forModel("sim-stall-2").kind()).isEqualTo(Kind.STALL);
    assertThat(FaultPlan.forModel("sim-malformed-1").kind()).isEqualTo(Kind.MALFORMED);
    assertThat(FaultPlan.forModel("sim-error-3")).isEqualTo(new FaultPlan(Kind.ERROR, 0, -1, 3));
  }

  @Test
  void other_model_names_answer_normally() {
    assertThat(FaultPlan.forModel("gpt-4o-mini")).isEqualTo(FaultPlan.NONE);
    assertThat(FaultPlan.forModel("sim-status-200")).isEqualTo(FaultPlan.NONE);
    assertThat(FaultPlan.forModel("sim-cut-x")).isEqualTo(FaultPlan.NONE);
    assertThat(FaultPlan.forModel(null)).isEqualTo(FaultPlan.NONE);
  }
}
