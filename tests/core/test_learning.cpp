// Behaviour: fixed seeds learn the classic data sets within stated epoch budgets.
#include <catch2/catch.hpp>

#include <string>

#include "session.hpp"

using namespace nnplay;

namespace {
double test_accuracy_after(const char* config, int epochs) {
  Session s;
  s.configure(config);
  s.train_epochs(epochs);
  INFO(config << " -> train loss " << s.metrics().train_loss);
  return s.metrics().test_accuracy;
}
}  // namespace

TEST_CASE("circle is learned to 97 % test accuracy within 100 epochs by the default 4,2 tanh net") {
  CHECK(test_accuracy_after("dataset=circle&seed=1", 100) >= 0.97);
}

TEST_CASE("xor is learned to 97 % test accuracy within 100 epochs by a 4,2 tanh net") {
  CHECK(test_accuracy_after("dataset=xor&seed=1", 100) >= 0.97);
}

TEST_CASE("spiral is learned to 90 % test accuracy within 150 epochs from x, y, sin x, sin y by 8,8 tanh") {
  CHECK(test_accuracy_after("dataset=spiral&seed=1&networkShape=8,8&sinX=true&sinY=true", 150) >= 0.90);
}

TEST_CASE("spiral is learned to 90 % test accuracy within 300 epochs from x, y alone by 16,16 tanh") {
  CHECK(test_accuracy_after("dataset=spiral&seed=1&networkShape=16,16&learningRate=0.1", 300) >= 0.90);
}

TEST_CASE("a 3-arm spiral is learned to 95 % training accuracy within 200 epochs by 16,16 tanh with Adam") {
  Session s;
  s.configure("numClasses=3&dataset=spiral&seed=1&networkShape=16,16&optimizer=adam&learningRate=0.01");
  s.train_epochs(200);
  CHECK(s.metrics().train_accuracy >= 0.95);
}

TEST_CASE("circle is learned with cross-entropy and a sigmoid output as well as with squared error") {
  CHECK(test_accuracy_after("dataset=circle&seed=1&loss=crossEntropy&learningRate=0.1", 100) >= 0.97);
}

TEST_CASE("every optimizer learns xor within 150 epochs") {
  for (const char* optimizer : {"sgd&learningRate=0.1", "momentum&learningRate=0.01", "nesterov&learningRate=0.01",
                                "rmsprop&learningRate=0.003", "adam&learningRate=0.01"}) {
    INFO(optimizer);
    CHECK(test_accuracy_after((std::string("dataset=xor&seed=2&networkShape=6,4&optimizer=") + optimizer).c_str(), 150) >= 0.95);
  }
}
