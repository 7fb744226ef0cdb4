// Iris Bayesian multinomial logistic regression (raw features), the model of
// examples/iris.ts and ../../tests-ts/fixtures/golden/iris-stan.json:
// w ~ Normal(0, 1) [D, K], b ~ Normal(0, 1) [K], y ~ Categorical(logits = x w + b).
// Array syntax of Stan >= 2.26; run.R picks iris_legacy.stan for older rstan.
data {
  int<lower=1> N;
  int<lower=1> D;
  int<lower=2> K;
  matrix[N, D] x;
  array[N] int<lower=1, upper=K> y;
}
parameters {
  matrix[D, K] w;
  vector[K] b;
}
model {
  matrix[N, K] eta = x * w + rep_matrix(b', N);
  to_vector(w) ~ normal(0, 1);
  b ~ normal(0, 1);
  for (n in 1:N) y[n] ~ categorical_logit(eta[n]');
}
