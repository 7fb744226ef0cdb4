// 100-D standard normal, the second model of bench/mcmc.ts.
parameters {
  vector[100] z;
}
model {
  z ~ std_normal();
}
