package dev.recall.quiz.grading;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.recall.quiz.generation.ItemType.BASIC;
import static dev.recall.quiz.generation.ItemType.CLOZE;
import static dev.recall.quiz.generation.ItemType.MATCHING;
import static dev.recall.quiz.generation.ItemType.MULTIPLE_CHOICE;
import static dev.recall.quiz.generation.ItemType.ORDERING;
import static dev.recall.quiz.generation.ItemType.TRUE_FALSE;
import static org.assertj.core.api.Assertions.assertThat;

class GraderTests {

    @Test
    void textIsToleratingCaseSpacePunctuationAndFullWidth() {
        assertThat(Grader.correct(BASIC, List.of("nonlocal"), List.of("  NonLocal. "))).isTrue();
        assertThat(Grader.correct(BASIC, List.of("304 Not Modified"), List.of("３０４ not-modified"))).isTrue();
        assertThat(Grader.correct(BASIC, List.of("元组 tuple"), List.of("tuple"))).isTrue();
        assertThat(Grader.correct(BASIC, List.of("元组 tuple"), List.of("元组"))).isTrue();
        assertThat(Grader.correct(BASIC, List.of("元组 tuple"), List.of("list"))).isFalse();
        assertThat(Grader.correct(BASIC, List.of("nonlocal"), List.of(""))).isFalse();
        assertThat(Grader.correct(BASIC, List.of("int\nfloat\nstr"), List.of("str, int and float"))).isTrue();
        assertThat(Grader.correct(BASIC, List.of("int\nfloat\nstr"), List.of("str, int"))).isFalse();
    }

    @Test
    void clozeBlanksAreGradedInOrder() {
        assertThat(Grader.correct(CLOZE, List.of("NCCL", "DDP"), List.of("nccl", "ddp"))).isTrue();
        assertThat(Grader.correct(CLOZE, List.of("NCCL", "DDP"), List.of("nccl，ddp"))).isTrue();
        assertThat(Grader.correct(CLOZE, List.of("NCCL", "DDP"), List.of("ddp", "nccl"))).isFalse();
    }

    @Test
    void choicesOrderingsMatchingsAndTruth() {
        assertThat(Grader.correct(MULTIPLE_CHOICE, List.of("Gloo"), List.of("gloo"))).isTrue();
        assertThat(Grader.correct(MULTIPLE_CHOICE, List.of("Gloo"), List.of("NCCL"))).isFalse();
        assertThat(Grader.correct(TRUE_FALSE, List.of("false"), List.of("错"))).isTrue();
        assertThat(Grader.correct(TRUE_FALSE, List.of("true"), List.of("False"))).isFalse();
        assertThat(Grader.correct(TRUE_FALSE, List.of("true"), List.of("maybe"))).isFalse();
        assertThat(Grader.correct(ORDERING, List.of("a", "b", "c"), List.of("A", "b", "c"))).isTrue();
        assertThat(Grader.correct(ORDERING, List.of("a", "b", "c"), List.of("b", "a", "c"))).isFalse();
        assertThat(Grader.correct(MATCHING, List.of("NCCL → GPU", "Gloo → CPU"), List.of("Gloo -> CPU", "NCCL -> GPU"))).isTrue();
        assertThat(Grader.correct(MATCHING, List.of("NCCL → GPU", "Gloo → CPU"), List.of("Gloo -> GPU", "NCCL -> CPU"))).isFalse();
    }
}
