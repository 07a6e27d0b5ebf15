package io.devopssim.deploy.release;

import io.devopssim.core.gitops.CommitInfo;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.PromotionException;

import java.util.List;

/** The newest commits of a branch, newest first ({@code GitPromoter::log}). */
@FunctionalInterface
public interface BranchHistory {
    List<CommitInfo> log(String repoUrl, String branch, GitCredentials credentials, int max) throws PromotionException;
}
