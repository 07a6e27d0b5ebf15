// progressiveDelivery: one line in a Jenkinsfile for a rollout of any strategy, its wait for Argo CD and its
// Git credentials.
//
//   progressiveDelivery strategy: 'canary', specFile: 'deploy/rollout.yaml', gitCredentialsId: 'gitops-bot',
//                       argoCdApplication: 'checkout-production', argoCdServer: 'https://argocd.example.com',
//                       argoCdCredentialsId: 'argocd-token'
//
// strategy: canary (default), blueGreen (also hybrid specs), rolling, or promote (one commit, no gate).
// The spec's gitops.credentials must name GITOPS_USER and GITOPS_TOKEN as its usernameEnv and passwordEnv.
def call(Map config = [:]) {
  if (!config.specFile) {
    error 'progressiveDelivery: specFile is required (the rollout spec in the workspace)'
  }
  String strategy = config.strategy ?: 'canary'
  String rolloutId = config.rolloutId ?: "${env.JOB_BASE_NAME}-${env.BUILD_NUMBER}"
  boolean failOnRollback = config.containsKey('failOnRollback') ? config.failOnRollback : true
  if (config.gitCredentialsId) {
    withCredentials([usernamePassword(credentialsId: config.gitCredentialsId, usernameVariable: 'GITOPS_USER',
                                      passwordVariable: 'GITOPS_TOKEN')]) {
      rollout(strategy, config.specFile, rolloutId, failOnRollback)
    }
  } else {
    rollout(strategy, config.specFile, rolloutId, failOnRollback)
  }
  if (config.argoCdApplication) {
    if (config.argoCdServer) {
      withCredentials([string(credentialsId: config.argoCdCredentialsId, variable: 'ARGOCD_TOKEN')]) {
        waitForArgoCd application: config.argoCdApplication, server: config.argoCdServer, tokenEnv: 'ARGOCD_TOKEN',
                      timeout: config.argoCdTimeout ?: '10m'
      }
    } else {
      waitForArgoCd application: config.argoCdApplication, timeout: config.argoCdTimeout ?: '10m'
    }
  }
}

private void rollout(String strategy, String specFile, String rolloutId, boolean failOnRollback) {
  switch (strategy) {
    case 'canary':
      canaryRollout specFile: specFile, rolloutId: rolloutId, failOnRollback: failOnRollback
      break
    case 'blueGreen':
      blueGreenRollout specFile: specFile, rolloutId: rolloutId, failOnRollback: failOnRollback
      break
    case 'rolling':
      rollingUpdate specFile: specFile, rolloutId: rolloutId, failOnRollback: failOnRollback
      break
    case 'promote':
      promoteRelease specFile: specFile, rolloutId: rolloutId
      break
    default:
      error "progressiveDelivery: strategy must be canary, blueGreen, rolling or promote, not '${strategy}'"
  }
}
