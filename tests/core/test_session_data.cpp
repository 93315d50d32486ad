// Session features around the training loop: data editing, CSV, save and load, auto-stop,
// confusion matrix and fresh weights.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>

#include "session.hpp"

using namespace nnplay;

TEST_CASE("an added point joins the training set and the network keeps its weights") {
  Session s;
  s.configure("seed=1");
  s.step(30);
  const auto weights = s.params();
  const std::size_t before = s.points().size() / 4;
  s.add_point(1.0f, 2.0f, 1.0f, false);
  CHECK(s.points().size() / 4 == before + 1);
  CHECK(s.params() == weights);
  CHECK(s.data_edited());
  CHECK(s.points()[(250) * 4 + 0] == 1.0f);  // the 251st training point is the new one
  CHECK_THROWS_WITH(s.add_point(0, 0, 0.5f, false), "point: a two-class label is -1 or 1");
  CHECK_THROWS_WITH(s.add_point(7, 0, 1, false), "point: x and y must lie in -6 to 6");
  s.remove_point(0);
  CHECK(s.points().size() / 4 == before);
  CHECK_THROWS(s.remove_point(100000));
  // Changing the network keeps the edits; changing the data settings drops them.
  s.set("networkShape", "3");
  CHECK(s.data_edited());
  s.set("noise", "10");
  CHECK_FALSE(s.data_edited());
}

TEST_CASE("CSV import sets the problem and class count, and export reads back") {
  Session s;
  s.configure("percTrainData=50&seed=3");
  std::string csv = "x,y,label\n";
  for (int i = 0; i < 60; ++i)
    csv += std::to_string(i % 6 - 3) + "," + std::to_string(i / 10 - 3) + "," + (i % 3 == 0 ? "red" : i % 3 == 1 ? "green" : "blue") + "\n";
  s.import_csv(csv);
  CHECK(s.config().num_classes == 3);
  CHECK(s.classes() == 3);
  CHECK(s.network().output_count() == 3);
  CHECK(s.points().size() == 60 * 4);
  s.train_epochs(2);
  CHECK(std::isfinite(s.metrics().train_loss));
  Session t;
  t.configure("percTrainData=50&seed=3");
  t.import_csv(s.export_csv());
  // The same points come back (the import shuffles and splits them afresh).
  auto sorted = [](std::vector<float> p) {
    std::vector<std::array<float, 3>> rows;
    for (std::size_t i = 0; i < p.size(); i += 4) rows.push_back({p[i], p[i + 1], p[i + 2]});
    std::sort(rows.begin(), rows.end());
    return rows;
  };
  CHECK(sorted(t.points()) == sorted(s.points()));
  CHECK_THROWS_WITH(s.import_csv("1,2\n"), "line 1: expected 3 values (x,y,label), found 2");
  CHECK(s.classes() == 3);  // a bad file changes nothing
}

TEST_CASE("a regression data set exports and imports again as regression, even with whole targets") {
  Session s;
  std::string csv = "x,y,target\n";
  for (int i = 0; i < 40; ++i) csv += std::to_string(i % 8 - 4) + "," + std::to_string(i / 8 - 2) + "," + std::to_string(i % 3 - 1) + "\n";
  s.import_csv(csv);
  REQUIRE(s.config().problem == Problem::kRegression);
  const std::string exported = s.export_csv();
  CHECK(exported.rfind("x,y,target\n", 0) == 0);
  Session t;
  t.import_csv(exported);
  CHECK(t.config().problem == Problem::kRegression);
  CHECK(t.points().size() == s.points().size());
}

TEST_CASE("save and load continue training exactly: the next epoch's loss is the same") {
  for (const char* config : {"dataset=spiral&seed=5&networkShape=6,4&optimizer=adam&learningRate=0.01",
                             "numClasses=3&dataset=gauss&seed=2&optimizer=nesterov&lrSchedule=cosine&lrDecayEpochs=30",
                             "problem=regression&regDataset=reg-gauss&loss=huber&optimizer=rmsprop&learningRate=0.003"}) {
    INFO(config);
    Session a;
    a.configure(config);
    a.add_point(0.5f, 0.5f, a.classes() == 0 ? 0.25f : a.classes() == 2 ? 1.0f : 2.0f, false);
    a.train_epochs(7);
    a.step(3);  // mid-epoch
    const std::string saved = a.save();
    Session b;
    b.load(saved);
    a.train_epochs(2);
    b.train_epochs(2);
    CHECK(b.metrics().epoch == a.metrics().epoch);
    CHECK(b.metrics().train_loss == a.metrics().train_loss);
    CHECK(b.params() == a.params());
    CHECK(b.points() == a.points());
  }
}

TEST_CASE("a bad experiment file is refused with a message and changes nothing") {
  Session s;
  s.configure("seed=9");
  s.train_epochs(3);
  const auto weights = s.params();
  CHECK_THROWS_WITH(s.load("{}"), "experiment file: not an nnplay experiment (\"format\" is not \"nnplay-experiment\")");
  CHECK_THROWS_WITH(s.load("[1"), Catch::Contains("JSON:"));
  std::string text = s.save();
  const auto at = text.find("\"params\":[") + 10;
  text.insert(at, "1,");  // one value too many
  CHECK_THROWS_WITH(s.load(text), Catch::Contains("\"params\" has"));
  CHECK(s.params() == weights);
}

TEST_CASE("auto-stop ends training after N epochs, at a target test loss, or on a plateau") {
  Session s;
  s.configure("seed=1&stopEpochs=12");
  s.train_epochs(50);
  CHECK(s.metrics().epoch == 12);
  CHECK(s.metrics().stop_reason == "reached 12 epochs");
  s.set("stopEpochs", "0");  // new rules: training may go on
  s.train_epochs(3);
  CHECK(s.metrics().epoch == 15);

  Session target;
  target.configure("seed=1&stopTestLoss=0.1");
  target.train_epochs(500);
  CHECK(target.metrics().test_loss <= 0.1);
  CHECK(target.metrics().epoch < 500);

  Session plateau;
  plateau.configure("dataset=xor&seed=2&noise=50&stopPatience=5&learningRate=1");
  plateau.train_epochs(2000);
  CHECK(plateau.metrics().stop_reason == "test loss stopped improving for 5 epochs");
  CHECK(plateau.metrics().epoch < 2000);
}

TEST_CASE("the confusion matrix counts every test point once, diagonal = right answers") {
  Session s;
  s.configure("numClasses=4&dataset=gauss&seed=3&networkShape=6");
  s.train_epochs(30);
  const auto& m = s.confusion();
  REQUIRE(m.size() == 16);
  int total = 0, diagonal = 0;
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) total += m[i * 4 + j], diagonal += i == j ? m[i * 4 + j] : 0;
  CHECK(total == 250);
  CHECK(double(diagonal) / total == Approx(s.metrics().test_accuracy));
}

TEST_CASE("reset returns to the same weights; new weights draws different ones") {
  Session s;
  s.configure("seed=4");
  const auto first = s.params();
  s.train_epochs(2);
  s.reset();
  CHECK(s.params() == first);
  s.new_weights();
  CHECK(s.params() != first);
  const auto second = s.params();
  s.train_epochs(2);
  s.reset();
  CHECK(s.params() == second);
}

TEST_CASE("the gradients of the last batch are the ones the optimizer applied") {
  Session s;
  s.configure("seed=6&learningRate=0.1&batchSize=5");
  s.step(4);
  const auto before = s.params();
  s.step(1);
  const auto& g = s.last_gradients();
  for (std::size_t i = 0; i < before.size(); ++i) CHECK(s.params()[i] == Approx(before[i] - 0.1f * g[i]));
}

TEST_CASE("following a point shows the hand-computed forward pass, its loss and its gradient") {
  // 2 -> 2 (tanh) -> 1 (tanh), every weight 0.5 and bias 0.1 (set below), point (1, 2), label +1:
  //   hidden z = 0.5 * 1 + 0.5 * 2 + 0.1 = 1.6, a = tanh(1.6) = 0.92166855
  //   output z = 0.5 * a + 0.5 * a + 0.1 = 1.02166855, y = tanh(z) = 0.77054527
  //   loss = 1/2 (y - 1)^2 = 0.02632474
  Session s;
  s.configure("networkShape=2&seed=1");
  std::vector<float> p(s.params().size(), 0.5f);
  for (std::size_t i = s.network().weight_count(); i < p.size(); ++i) p[i] = 0.1f;
  s.set_params(p);
  const auto& t = s.trace_point(1.0f, 2.0f, 1.0f);
  REQUIRE(t.activations.size() == 5);
  CHECK(t.activations[0] == 1.0f);
  CHECK(t.activations[1] == 2.0f);
  CHECK(t.sums[2] == Approx(1.6f));
  CHECK(t.activations[2] == Approx(0.92166855f));
  CHECK(t.sums[4] == Approx(1.02166855f));
  CHECK(t.activations[4] == Approx(0.77054527f));
  CHECK(t.loss == Approx(0.02632474));
  // dL/db_out = (y - 1) (1 - y^2); the output bias is the last parameter.
  CHECK(t.gradients.back() == Approx((0.77054527 - 1.0) * (1.0 - 0.77054527 * 0.77054527)));
}

TEST_CASE("a point's gradient with batch size 1 is exactly what the optimizer applies") {
  Session s;
  s.configure("seed=3&batchSize=1&shuffle=false&learningRate=0.1");
  const float x = s.points()[0], y = s.points()[1], label = s.points()[2];  // first training point
  const auto expected = s.trace_point(x, y, label).gradients;
  s.step(1);
  CHECK(s.last_gradients() == expected);
}

TEST_CASE("per-point losses average to the reported training and test losses") {
  Session s;
  s.configure("numClasses=3&dataset=spiral&seed=2&networkShape=5");
  s.train_epochs(3);
  const auto& losses = s.point_losses();
  REQUIRE(losses.size() == s.points().size() / 4);
  double train = 0, test = 0;
  for (std::size_t i = 0; i < 250; ++i) train += losses[i];
  for (std::size_t i = 250; i < 500; ++i) test += losses[i];
  CHECK(train / 250 == Approx(s.metrics().train_loss).epsilon(1e-4));
  CHECK(test / 250 == Approx(s.metrics().test_loss).epsilon(1e-4));
}

TEST_CASE("found by fuzzing: an experiment without data, or with values beyond float range, is refused") {
  Session s;
  CHECK_THROWS_WITH(s.load(R"({"format":"nnplay-experiment","version":1,"config":"seed=a"})"),
                    "experiment file: \"data\" is missing");
  s.configure("seed=2");
  std::string text = s.save();
  const auto at = text.find("\"initialParams\":[") + 17;
  text.replace(at, text.find(',', at) - at, "1e300");  // the first initial weight, beyond float range
  CHECK_THROWS_WITH(s.load(text), Catch::Contains("\"initialParams\" holds a value that is not a finite float"));
}
