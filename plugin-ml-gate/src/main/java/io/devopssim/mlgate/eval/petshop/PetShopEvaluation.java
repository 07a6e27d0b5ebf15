package io.devopssim.mlgate.eval.petshop;

import io.devopssim.core.judge.Judge;
import io.devopssim.core.model.Verdict;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Judges every PetShop case and tallies the verdicts per fault type: recall (FAILED on an issue, i.e. a
 * rollback) and the false-rollback rate (FAILED on a normal slice). INCONCLUSIVE is counted apart: it
 * neither rolls back nor promotes.
 */
public final class PetShopEvaluation {
    private PetShopEvaluation() {
    }

    /**
     * @param judgeFor the judge for a case (a cross-validated model differs by the case's scenario)
     * @return tallies by fault type, issues first in order of appearance, {@link PetShopCase#NORMAL} last
     */
    public static Map<String, Tally> evaluate(List<PetShopCase> cases, Function<PetShopCase, Judge> judgeFor) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (PetShopCase c : cases) {
            if (c.bad()) {
                tallies.computeIfAbsent(c.faultType(), k -> new Tally());
            }
        }
        tallies.put(PetShopCase.NORMAL, new Tally());
        for (PetShopCase c : cases) {
            tallies.get(c.faultType()).add(judgeFor.apply(c).judge(c.input()).verdict());
        }
        return tallies;
    }

    /** Verdict counts of one group of cases. */
    public static final class Tally {
        private int cases;
        private int failed;
        private int inconclusive;
        private int passed;
        private int errors;

        void add(Verdict v) {
            cases++;
            switch (v) {
                case FAILED -> failed++;
                case INCONCLUSIVE -> inconclusive++;
                case PASSED -> passed++;
                case ERROR -> errors++;
            }
        }

        public int cases() {
            return cases;
        }

        /** FAILED verdicts: rollbacks. */
        public int failed() {
            return failed;
        }

        public int inconclusive() {
            return inconclusive;
        }

        public int passed() {
            return passed;
        }

        public int errors() {
            return errors;
        }

        public static Tally sum(Iterable<Tally> tallies) {
            Tally total = new Tally();
            for (Tally t : tallies) {
                total.cases += t.cases;
                total.failed += t.failed;
                total.inconclusive += t.inconclusive;
                total.passed += t.passed;
                total.errors += t.errors;
            }
            return total;
        }
    }
}
