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

// Every field of two configs, one by one: a key that format_config dropped would leave its
// default in `b` and fail here.
static void check_same_fields(const Config& a, const Config& b) {
  CHECK(a.problem == b.problem);
  CHECK(a.dataset == b.dataset);
  CHECK(a.reg_dataset == b.reg_dataset);
  CHECK(a.seed == b.seed);
  CHECK(a.network_shape == b.network_shape);
  CHECK(a.activation == b.activation);
  CHECK(a.activations == b.activations);
  CHECK(a.update.learning_rate == b.update.learning_rate);
  CHECK(a.update.regularization == b.update.regularization);
  CHECK(a.update.regularization_rate == b.update.regularization_rate);
  CHECK(a.update.optimizer == b.update.optimizer);
  CHECK(a.update.momentum == b.update.momentum);
  CHECK(a.update.rho == b.update.rho);
  CHECK(a.update.beta1 == b.update.beta1);
  CHECK(a.update.beta2 == b.update.beta2);
  CHECK(a.loss == b.loss);
  CHECK(a.num_classes == b.num_classes);
  CHECK(a.num_samples == b.num_samples);
  CHECK(a.init == b.init);
  CHECK(a.schedule == b.schedule);
  CHECK(a.schedule_epochs == b.schedule_epochs);
  CHECK(a.schedule_rate == b.schedule_rate);
  CHECK(a.stop_epochs == b.stop_epochs);
  CHECK(a.stop_test_loss == b.stop_test_loss);
  CHECK(a.stop_patience == b.stop_patience);
  CHECK(a.batch_size == b.batch_size);
  CHECK(a.noise == b.noise);
  CHECK(a.perc_train_data == b.perc_train_data);
  CHECK(a.features == b.features);
  CHECK(a.init_zero == b.init_zero);
  CHECK(a.shuffle == b.shuffle);
}

TEST_CASE("format_config reads back every field of a config that differs from the defaults in all of them") {
  Config c;
  c.problem = Problem::kRegression;
  c.dataset = DatasetKind::kSpiral;
  c.reg_dataset = DatasetKind::kRegGauss;
  c.seed = "abc.1_x-9";
  c.network_shape = {7, 1, 64};
  c.activation = Activation::kSigmoid;
  c.activations = {Activation::kGelu, Activation::kSine, Activation::kLeakyRelu};
  c.update.learning_rate = 0.0031f;
  c.update.regularization = Regularization::kL1;
  c.update.regularization_rate = 0.003f;
  c.update.optimizer = OptimizerKind::kRmsprop;
  c.update.momentum = 0.55f;
  c.update.rho = 0.77f;
  c.update.beta1 = 0.81f;
  c.update.beta2 = 0.9876f;
  c.loss = Loss::kHuber;
  c.num_classes = 5;
  c.num_samples = 777;
  c.init = Init::kGlorot;
  c.schedule = Schedule::kStep;
  c.schedule_epochs = 33;
  c.schedule_rate = 0.125f;
  c.stop_epochs = 900;
  c.stop_test_loss = 0.0123f;
  c.stop_patience = 44;
  c.batch_size = 1234;
  c.noise = 35;
  c.perc_train_data = 70;
  c.features = FeatureSet{false, true, true, false, true, false, true};
  c.init_zero = true;
  c.shuffle = false;
  // The test itself must differ from the defaults in every field, or a dropped key could hide.
  const Config d;
  CHECK(c.update.optimizer != d.update.optimizer);
  CHECK(format_config(c) != format_config(d));
  const Config back = parse_config(format_config(c));
  check_same_fields(c, back);
  // And the defaults themselves.
  check_same_fields(d, parse_config(format_config(d)));
}

TEST_CASE("each bad value is refused with a message naming the field, the value and the rule") {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"batchSize=0", "batchSize: \"0\" is out of range; allowed 1 to 2000"},
      {"batchSize=2001", "batchSize: \"2001\" is out of range; allowed 1 to 2000"},
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
      {"activation=softmax", "activation: \"softmax\" is not one of relu, tanh, sigmoid, linear, leakyRelu, elu, gelu, silu, softplus, sine"},
      {"dataset=reg-plane", "dataset: \"reg-plane\" is not one of circle, xor, gauss, spiral, moons, checkerboard, sine, cubic, abs, fashion"},
      {"regDataset=spiral", "regDataset: \"spiral\" is not one of reg-plane, reg-gauss"},
      {"problem=ranking", "problem: \"ranking\" is not one of classification, regression"},
      {"regularization=L3", "regularization: \"L3\" is not one of none, L1, L2"},
      {"networkShape=65", "networkShape: layers wider than 64 are for image data (dataset=fashion)"},
      {"networkShape=129", "networkShape: \"129\" is not a list of layer sizes; each must be 1 to 128"},
      {"networkShape=4,,2", "networkShape: \"4,,2\" is not a list of layer sizes; each must be 1 to 128"},
      {"networkShape=0", "networkShape: \"0\" is not a list of layer sizes; each must be 1 to 128"},
      {"networkShape=1,1,1,1,1,1,1,1,1",
       "networkShape: \"1,1,1,1,1,1,1,1,1\" has too many layers; allowed 0 to 8"},
      {"x=yes", "x: \"yes\" must be true or false"},
      {"seed=<script>", "seed: \"<script>\" must be up to 32 letters, digits, '.', '_' or '-'"},
      {"x=false&y=false", "features: at least one input feature must be on"},
      {"numClasses=7", "numClasses: \"7\" is out of range; allowed 2 to 6"},
      {"numClasses=3&dataset=xor", "numClasses: xor has two classes; more need circle, gauss, spiral or checkerboard"},
      {"numSamples=20", "numSamples: \"20\" is out of range; allowed 0 (the data set's own count) or 50 to 2000"},
      {"loss=hinge", "loss: \"hinge\" is not one of squared, crossEntropy, huber"},
      {"optimizer=adagrad", "optimizer: \"adagrad\" is not one of sgd, momentum, nesterov, rmsprop, adam"},
      {"beta1=1", "beta1: \"1\" is out of range; allowed 0 to 0.999"},
      {"lrSchedule=linear", "lrSchedule: \"linear\" is not one of constant, step, cosine"},
      {"init=lecun", "init: \"lecun\" is not one of playground, glorot, he"},
      {"networkShape=4,2&activations=relu", "activations: gives 1 activations for 2 hidden layers"},
      {"activations=relu,swish", "activations: \"relu,swish\" is not a list of up to 8 of relu, tanh, sigmoid, linear, leakyRelu, elu, gelu, silu, softplus, sine"},
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

TEST_CASE("the loss that applies follows the problem and the class count") {
  CHECK(parse_config("").effective_loss() == Loss::kSquared);
  CHECK(parse_config("loss=crossEntropy").effective_loss() == Loss::kCrossEntropy);
  CHECK(parse_config("numClasses=4&dataset=spiral").effective_loss() == Loss::kSoftmaxCrossEntropy);
  CHECK(parse_config("problem=regression&loss=huber").effective_loss() == Loss::kHuber);
  CHECK(parse_config("problem=regression&loss=crossEntropy").effective_loss() == Loss::kSquared);
}

TEST_CASE("learning-rate schedules: constant, step halving, cosine to zero") {
  const Config step = parse_config("learningRate=0.1&lrSchedule=step&lrDecayEpochs=10&lrDecayRate=0.5");
  CHECK(step.learning_rate_at(9) == Approx(0.1f));
  CHECK(step.learning_rate_at(10) == Approx(0.05f));
  CHECK(step.learning_rate_at(25) == Approx(0.025f));
  const Config cosine = parse_config("learningRate=0.1&lrSchedule=cosine&lrDecayEpochs=100");
  CHECK(cosine.learning_rate_at(0) == Approx(0.1f));
  CHECK(cosine.learning_rate_at(50) == Approx(0.05f));
  CHECK(cosine.learning_rate_at(100) == Approx(0.0f).margin(1e-9));
  CHECK(cosine.learning_rate_at(500) == Approx(0.0f).margin(1e-9));
  CHECK(parse_config("learningRate=0.3").learning_rate_at(1000) == Approx(0.3f));
}

TEST_CASE("per-layer activations override the shared one") {
  const Config c = parse_config("networkShape=3,3,2&activation=tanh&activations=relu,gelu,sine");
  CHECK(c.hidden_activations() == std::vector<Activation>{Activation::kRelu, Activation::kGelu, Activation::kSine});
  CHECK(parse_config("networkShape=3,3").hidden_activations() ==
        std::vector<Activation>{Activation::kTanh, Activation::kTanh});
}

TEST_CASE("every new key survives format_config and parse_config") {
  const char* text =
      "numClasses=4&dataset=checkerboard&numSamples=800&loss=crossEntropy&init=he&optimizer=adam&"
      "beta1=0.8&beta2=0.99&momentum=0.5&rho=0.7&lrSchedule=cosine&lrDecayEpochs=300&lrDecayRate=0.25&"
      "stopEpochs=40&stopTestLoss=0.05&stopPatience=20&networkShape=5,4&activations=elu,silu";
  const Config c = parse_config(text);
  check_same_fields(c, parse_config(format_config(c)));
  CHECK(c.num_classes == 4);
  CHECK(c.update.optimizer == OptimizerKind::kAdam);
  CHECK(c.update.beta1 == Approx(0.8f));
  CHECK(c.stop_patience == 20);
  CHECK(is_live_key("optimizer"));
  CHECK_FALSE(is_live_key("numClasses"));
}
