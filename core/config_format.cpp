// Writing a Config as the settings text parse_config reads back (every engine key, in one order).
#include "config.hpp"

#include "images.hpp"
#include "text.hpp"

namespace nnplay {

namespace {

std::string format_number(double v) { return format_float(v); }

const char* schedule_name(Schedule s) {
  return s == Schedule::kStep ? "step" : s == Schedule::kCosine ? "cosine" : "constant";
}

}  // namespace

std::string format_config(const Config& c) {
  std::string shape;
  for (std::size_t i = 0; i < c.network_shape.size(); ++i)
    shape += (i ? "," : "") + std::to_string(c.network_shape[i]);
  std::string out =
      std::string("problem=") + (c.problem == Problem::kRegression ? "regression" : "classification") +
      "&dataset=" + dataset_name(c.dataset) + "&regDataset=" + dataset_name(c.reg_dataset) +
      "&seed=" + c.seed + "&networkShape=" + shape + "&activation=" + activation_name(c.activation) +
      "&learningRate=" + format_number(c.update.learning_rate) +
      "&batchSize=" + std::to_string(c.batch_size) + "&noise=" + std::to_string(c.noise) +
      "&percTrainData=" + std::to_string(c.perc_train_data) +
      "&regularization=" + regularization_name(c.update.regularization) +
      "&regularizationRate=" + format_number(c.update.regularization_rate) +
      "&initZero=" + (c.init_zero ? "true" : "false") + "&shuffle=" + (c.shuffle ? "true" : "false") +
      "&numClasses=" + std::to_string(c.num_classes) + "&numSamples=" + std::to_string(c.num_samples) +
      "&loss=" + (c.loss == Loss::kSoftmaxCrossEntropy ? "squared" : loss_name(c.loss)) +
      "&init=" + init_name(c.init) + "&optimizer=" + optimizer_name(c.update.optimizer) +
      "&momentum=" + format_number(c.update.momentum) + "&rho=" + format_number(c.update.rho) +
      "&beta1=" + format_number(c.update.beta1) + "&beta2=" + format_number(c.update.beta2) +
      "&lrSchedule=" + schedule_name(c.schedule) + "&lrDecayEpochs=" + std::to_string(c.schedule_epochs) +
      "&lrDecayRate=" + format_number(c.schedule_rate) + "&stopEpochs=" + std::to_string(c.stop_epochs) +
      "&stopTestLoss=" + format_number(c.stop_test_loss) +
      "&stopPatience=" + std::to_string(c.stop_patience) + "&imageClasses=";
  for (std::size_t i = 0; i < c.image_classes.size(); ++i)
    out += std::string(i ? "," : "") + image_class_key(c.image_classes[i]);
  out += "&imageSize=" + std::to_string(c.image_size) + "&activations=";
  for (std::size_t i = 0; i < c.activations.size(); ++i)
    out += std::string(i ? "," : "") + activation_name(c.activations[i]);
  for (std::size_t f = 0; f < kFeatureCount; ++f)
    out += std::string("&") + feature_key(static_cast<Feature>(f)) + "=" + (c.features[f] ? "true" : "false");
  return out;
}

}  // namespace nnplay
