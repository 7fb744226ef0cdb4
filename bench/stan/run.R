# Runs one Stan model for bench/mcmc.ts and prints one JSON line:
#   {"wall_s", "gradient_evals", "min_bulk_ess", "divergences", "rstan"}
# wall_s is sampling only (warm-up + draws; compilation excluded), as bench/mcmc.ts times
# probasm. gradient_evals sums n_leapfrog__ over chains, warm-up and draws; min_bulk_ess is
# the smallest rank-normalized bulk ESS (rstan::ess_bulk) over the parameters on the draws.
# Usage: Rscript run.R MODEL.stan DATA.R CHAINS WARMUP DRAWS SEED   (DATA.R: rstan rdump, or "-")
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 6) stop("usage: Rscript run.R MODEL.stan DATA.R CHAINS WARMUP DRAWS SEED")
suppressPackageStartupMessages(library(rstan))
# Debian's r-cran-bh is a shim over the system Boost headers (libboost-dev), where
# rstan_options("boost_lib") finds nothing: point rstan at them.
if (!file.exists(rstan_options("boost_lib")) && file.exists("/usr/include/boost/version.hpp")) {
  rstan_options(boost_lib = "/usr/include")
}
model_file <- args[1]
if (packageVersion("rstan") < "2.26" && file.exists(sub("\\.stan$", "_legacy.stan", model_file))) {
  model_file <- sub("\\.stan$", "_legacy.stan", model_file)
}
data <- if (args[2] == "-") list() else read_rdump(args[2])
chains <- as.integer(args[3]); warmup <- as.integer(args[4]); draws <- as.integer(args[5]); seed <- as.integer(args[6])
sm <- stan_model(model_file)
t0 <- proc.time()[["elapsed"]]
fit <- sampling(sm, data = data, chains = chains, iter = warmup + draws, warmup = warmup, seed = seed,
                cores = min(chains, parallel::detectCores()), refresh = 0)
wall <- proc.time()[["elapsed"]] - t0
sp <- get_sampler_params(fit, inc_warmup = TRUE)
grads <- sum(sapply(sp, function(m) sum(m[, "n_leapfrog__"])))
divs <- sum(sapply(sp, function(m) sum(m[(warmup + 1):nrow(m), "divergent__"])))
arr <- as.array(fit)
pars <- setdiff(dimnames(arr)[[3]], "lp__")
ess <- sapply(pars, function(p) rstan::ess_bulk(matrix(arr[, , p], ncol = dim(arr)[2])))
cat(sprintf('{"wall_s": %.4f, "gradient_evals": %.0f, "min_bulk_ess": %.3f, "divergences": %.0f, "rstan": "%s"}\n',
            wall, grads, min(ess), divs, as.character(packageVersion("rstan"))))
