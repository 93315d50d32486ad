#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "config.hpp"

using namespace nnplay;

TEST_CASE("an empty text gives the Playground's defaults") {
  const Config c = parse_config("");
  CHECK(c.problem == Problem::kClassification);
  CHECK(c.dataset == DatasetKind::kCircle);
  CHECK(c.network_shape == std::vector<int>{4, 2});
  CHECK(c.activation == Activation::kTanh);
  CHECK(c.update.learning_rate == Approx(0.03f));
  CHECK(c.batch_size == 10);
  CHECK(c.perc_train_data == 50);
  CHECK(c.features[0]);
  CHECK(c.features[1]);
  CHECK_FALSE(c.features[2]);
}

TEST_CASE("a Playground permalink hash sets every engine key and ignores the page's keys") {
  const Config c = parse_config(
      "#activation=relu&batchSize=17&dataset=spiral&regDataset=reg-gauss&learningRate=0.3&"
      "regularizationRate=0.001&noise=15&networkShape=6,5,3&seed=0.12345&showTestData=true&"
      "discretize=true&percTrainData=70&x=true&y=false&xTimesY=true&xSquared=false&ySquared=true&"
      "cosX=false&sinX=true&cosY=false&sinY=false&collectStats=false&problem=regression&"
      "initZero=false&hideText=false&regularization=L2&dataset_hide=true");
  CHECK(c.activation == Activation::kRelu);
  CHECK(c.batch_size == 17);
  CHECK(c.dataset == DatasetKind::kSpiral);
  CHECK(c.reg_dataset == DatasetKind::kRegGauss);
  CHECK(c.problem == Problem::kRegression);
  CHECK(c.active_dataset() == DatasetKind::kRegGauss);
  CHECK(c.update.learning_rate == Approx(0.3f));
  CHECK(c.update.regularization == Regularization::kL2);
  CHECK(c.update.regularization_rate == Approx(0.001f));
  CHECK(c.noise == 15);
  CHECK(c.network_shape == std::vector<int>{6, 5, 3});
  CHECK(c.seed == "0.12345");
  CHECK(c.perc_train_data == 70);
  const FeatureSet expected{true, false, false, true, true, true, false};
  CHECK(c.features == expected);
}

TEST_CASE("format_config reads back to the same config") {
  const Config c = parse_config(
      "activation=sigmoid&learningRate=0.003&networkShape=&seed=abc&noise=35&x=false&sinY=true");
  const Config back = parse_config(format_config(c));
  CHECK(format_config(back) == format_config(c));
  CHECK(back.network_shape.empty());
  CHECK(back.update.learning_rate == c.update.learning_rate);
}

TEST_CASE("each bad value is refused with a message naming the field, the value and the rule") {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"batchSize=0", "batchSize: \"0\" is out of range; allowed 1 to 30"},
      {"batchSize=31", "batchSize: \"31\" is out of range; allowed 1 to 30"},
      {"batchSize=1.5", "batchSize: \"1.5\" is not a whole number"},
      {"batchSize=", "batchSize: \"\" is not a whole number"},
      {"learningRate=abc", "learningRate: \"abc\" is not a number"},
      {"learningRate=nan", "learningRate: \"nan\" is not a number"},
      {"learningRate=1e999", "learningRate: \"1e999\" is not a number"},
      {"learningRate=0", "learningRate: \"0\" is out of range; allowed 1e-05 to 10"},
      {"learningRate=11", "learningRate: \"11\" is out of range; allowed 1e-05 to 10"},
      {"regularizationRate=-1", "regularizationRate: \"-1\" is out of range; allowed 0 to 10"},
      {"noise=81", "noise: \"81\" is out of range; allowed 0 to 80"},
      {"percTrainData=5", "percTrainData: \"5\" is out of range; allowed 10 to 90"},
      {"activation=softmax", "activation: \"softmax\" is not one of relu, tanh, sigmoid, linear"},
      {"dataset=reg-plane", "dataset: \"reg-plane\" is not one of circle, xor, gauss, spiral"},
      {"regDataset=spiral", "regDataset: \"spiral\" is not one of reg-plane, reg-gauss"},
      {"problem=ranking", "problem: \"ranking\" is not one of classification, regression"},
      {"regularization=L3", "regularization: \"L3\" is not one of none, L1, L2"},
      {"networkShape=65", "networkShape: \"65\" is not a list of layer sizes; each must be 1 to 64"},
      {"networkShape=4,,2", "networkShape: \"4,,2\" is not a list of layer sizes; each must be 1 to 64"},
      {"networkShape=0", "networkShape: \"0\" is not a list of layer sizes; each must be 1 to 64"},
      {"networkShape=1,1,1,1,1,1,1,1,1",
       "networkShape: \"1,1,1,1,1,1,1,1,1\" has too many layers; allowed 0 to 8"},
      {"x=yes", "x: \"yes\" must be true or false"},
      {"seed=<script>", "seed: \"<script>\" must be up to 32 letters, digits, '.', '_' or '-'"},
      {"x=false&y=false", "features: at least one input feature must be on"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK_THROWS_WITH(parse_config(c.text), c.message);
  }
}

TEST_CASE("long values are shown truncated in messages") {
  const std::string value(1000, '9');
  CHECK_THROWS_WITH(parse_config("batchSize=" + value),
                    "batchSize: \"" + std::string(40, '9') + "...\" is not a whole number");
}

TEST_CASE("collecting errors keeps every other setting and the bad field's default") {
  std::vector<std::string> errors;
  const Config c = parse_config("batchSize=0&activation=relu&noise=-3&seed=ok", &errors);
  REQUIRE(errors.size() == 2);
  CHECK(c.batch_size == 10);
  CHECK(c.noise == 0);
  CHECK(c.activation == Activation::kRelu);
  CHECK(c.seed == "ok");
}

TEST_CASE("unknown keys, pairs without '=' and repeated keys are handled as the page does") {
  const Config c = parse_config("bogus=1&&flag&batchSize=5&batchSize=7");
  CHECK(c.batch_size == 7);
}

TEST_CASE("set_config_value validates like the parser and rejects unknown keys") {
  Config c;
  set_config_value(c, "learningRate", "0.1");
  CHECK(c.update.learning_rate == Approx(0.1f));
  CHECK_THROWS_WITH(set_config_value(c, "colour", "red"), "unknown setting \"colour\"");
  CHECK_THROWS_AS(set_config_value(c, "batchSize", "-1"), ConfigError);
}
