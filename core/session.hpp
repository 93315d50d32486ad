#pragma once
// Session: one playground's engine. Owns the config, the data, the network, the optimizer and
// every buffer the page reads. This is the API the wasm module exposes to JavaScript.
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "config.hpp"
#include "images.hpp"
#include "loss.hpp"
#include "network.hpp"

namespace nnplay {

struct CsvData;
class JsonValue;

// Largest grid side evaluate_grid accepts (256^2 points).
constexpr int kMaxGridSize = 256;
// Most values a grid of every unit's map may hold (32 MiB of floats): the side a network may
// ask for shrinks with its unit count (256 up to 128 units; 126 for 8x64 with every feature).
constexpr std::size_t kMaxGridValues = std::size_t(8) << 20;
// Grid points per pass when the maps of every unit would not fit in kMaxGridValues (only the
// output grid is kept then): the pass's buffers are this wide whatever the grid's side.
constexpr std::size_t kGridTile = 2048;
// The training-set metrics read every ceil(n / kMetricSamples)-th sample: all of any point data,
// about 2000 of a large image set (the test set is always read whole).
constexpr std::size_t kMetricSamples = 2000;

struct Metrics {
  int epoch = 0;                // completed passes over the training set
  double train_loss = 0.0;      // mean loss over the training set (see kMetricSamples) at the current weights
  double test_loss = 0.0;       // the same over the test set
  double train_accuracy = 0.0;  // fraction of training points classified right (NaN for regression)
  double test_accuracy = 0.0;
  bool diverged = false;        // training stopped because the loss or a weight became non-finite
  std::string stop_reason;      // why auto-stop ended training ("" while it may go on)
  double learning_rate = 0.0;   // the rate in effect now, after the schedule
};

class Session {
 public:
  Session();

  // Applies hash-form settings (see config.hpp). Data settings regenerate the data (dropping
  // edits); the rest rebuild only the network. On a ConfigError the session keeps its state.
  void configure(std::string_view text);
  void configure(const Config& config);
  const Config& config() const { return config_; }

  // Changes one setting. Live settings (is_live_key) apply to the running network; any other
  // key rebuilds as configure() would.
  void set(std::string_view key, std::string_view value);

  // Runs `batches` mini-batch updates (forward, loss gradient, backward, update), continuing
  // through the training order; stops early on divergence or auto-stop.
  void step(int batches);
  // Runs whole epochs (passes over the training set).
  void train_epochs(int epochs);
  // Back to the initial weights of this configuration, epoch 0, fresh optimizer state.
  void reset();
  // Draws new initial weights from the weight stream and resets to them.
  void new_weights();

  // Metrics at the current weights; computed on demand and cached until the weights change.
  const Metrics& metrics();
  // Test-set confusion counts, row = true class, column = predicted, classes() x classes()
  // (two-class problems: index 0 is label -1). Empty for regression.
  const std::vector<std::int32_t>& confusion();
  int classes() const { return config_.classes(); }
  Loss loss() const { return config_.effective_loss(); }

  // Evaluates the network on an n x n grid over the plot (row 0 is y = +kPlotExtent, column 0 is
  // x = -kPlotExtent), in one pass. grid() then holds every unit's map: unit u's
  // n*n values start at u * n * n, units ordered inputs, hidden layers, outputs (see
  // unit_counts()). Throws ConfigError when n is outside 2..kMaxGridSize or the maps would hold
  // more than kMaxGridValues values.
  void evaluate_grid(int n);
  // The output units' values [outputs, n*n] for any n up to kMaxGridSize, valid until the next
  // call: from grid() when every map fits, else from passes of kGridTile points.
  const float* evaluate_grid_output(int n);
  const AlignedFloats& grid() const { return grid_; }
  // Layer l's maps (l = 0 the inputs) inside grid() after evaluate_grid: [units_l, n*n].
  struct GridLayer {
    const float* data;
    std::size_t size;
  };
  GridLayer grid_layer(std::size_t l) const;
  // Units per layer, input features first, output last.
  const std::vector<std::int32_t>& unit_counts() const { return unit_counts_; }

  // The loss of every sample at the current weights, in points() order.
  const std::vector<float>& point_losses();
  // Every sample as [x, y, label, is_test] records, training samples first.
  const std::vector<float>& points() const { return points_; }
  // Edits the data; the network keeps training on the result. Labels: -1/+1 for two classes,
  // 0..classes-1 for more, [-kMaxTarget, kMaxTarget] for regression. Throws ConfigError with a message.
  void add_point(float x, float y, float label, bool is_test);
  void remove_point(int index);  // index into points() order
  // Replaces the data with CSV text (`x,y,label`, see csv.hpp), split by percTrainData.
  void import_csv(std::string_view text);
  std::string export_csv() const;
  bool data_edited() const { return custom_data_; }

  // The network's parameters in Network's layout (all weights layer by layer, then biases).
  const std::vector<float>& params() const { return network_.params(); }
  // Overwrites one parameter (a person editing a weight); throws for a bad index or value.
  void set_param(int index, float value);
  // Overwrites every parameter (same layout as params()); throws unless the count matches and
  // every value is finite.
  void set_params(const std::vector<float>& values);
  // dL/dparams of the last training batch, in params() layout: what the optimizer was given.
  const std::vector<float>& last_gradients() const { return grads_; }

  // One input's forward pass, for following a point through the network: every unit's weighted
  // sum z and activation a (units ordered as unit_counts(); inputs have a only, their z is 0),
  // the loss against `label` (the problem's label convention) and dL/dparams for this point
  // alone, in params() layout. Nothing is applied.
  struct PointTrace {
    std::vector<float> sums, activations, gradients;
    double loss = 0.0;
  };
  const PointTrace& trace_point(float x, float y, float label);

  // Wide CSV data (more than two input columns; session_wide.cpp). The inputs are the file's k
  // columns, not the plane's features; the map is a slice through two of them with the others at
  // their mean over the training data, and points() holds the data projected on those two.
  std::size_t wide_inputs() const { return input_names_.size(); }  // 0 unless the data are wide
  const std::vector<std::string>& input_names() const { return input_names_; }
  const std::vector<float>& input_means() const { return input_means_; }
  const std::array<int, 2>& slice() const { return slice_; }
  // The two inputs the map's x and y are (different, 0 .. k-1). Throws ConfigError unless the
  // data are wide; training is not touched.
  void set_slice(int across, int up);
  // Data sample `index` (points() order) through the network with all of its inputs, as
  // trace_point (which, on wide data, follows a point of the slice). Not for image data.
  const PointTrace& trace_sample(int index);

  // The whole experiment as JSON (settings, data when edited, weights, optimizer state, epoch,
  // training order) and back: after load(), training continues exactly as it would have.
  std::string save() const;
  void load(std::string_view json);

  const Network& network() const { return network_; }
  bool diverged() const { return diverged_; }

  // Clothing images (images.hpp), in session_images.cpp: the 2-D nncore.wasm links
  // session_no_images.cpp instead, refuses image data and binds none of these. The worker hands
  // over each class's asset file before it configures dataset=fashion with that class; the
  // session keeps every class it was given.
  // Throws ConfigError("idx: ...") for a bad file or an unknown class key ("tshirt", ...).
  void add_image_class(std::string_view key, std::string_view bytes);
  // The keys of the classes `text` chooses (imageClasses) that are not loaded yet when it asks
  // for images; empty otherwise. Throws ConfigError for bad text, as configure would.
  std::vector<std::string> missing_image_classes(std::string_view text) const;
  // Whether the inputs are image pixels (then there is no grid, no points and no point edits).
  bool image_data() const { return images_in_use_; }
  // Image `index` of the training or test set, in order: 784 pixels (28 x 28, row-major,
  // 0 background) and its class as an output unit. Throws ConfigError for a bad index.
  const std::uint8_t* image_pixels(bool test, int index) const;
  int image_label(bool test, int index) const;
  std::size_t image_count(bool test) const { return test ? test_labels_.size() : train_labels_.size(); }
  // One image (784 pixels, 0..255) through the network, as trace_point does for a point; label
  // is an output unit. Throws ConfigError unless the data are images and the pixels are 784.
  const PointTrace& trace_image(std::string_view pixels, int label);
  // The class the network picks for each test sample at the current weights (metrics' pass).
  const std::vector<std::int32_t>& test_predictions();

 private:
  void generate_images();
  // A training batch's inputs sample-major, rows [count, inputs], straight from the images'
  // bytes (each image's are contiguous, where its column of train_x_ is spread a row apart over
  // 784 rows); false, writing nothing, unless the data are images built from those very bytes.
  bool image_rows(const std::uint32_t* indices, std::size_t count, float* rows) const;
  void require_images(const Config& config) const;
  const ImageClass& image_class(int k) const;
  const PointTrace& finish_trace(float label);
  void evaluate_blocks(const Matrix& features, const Matrix& targets, const Vector& labels, std::size_t step,
                       double& loss, double& accuracy, std::vector<std::int32_t>* confusion);
  void generate_data();
  void set_wide_data(std::vector<std::string> names, std::vector<float> train_rows, std::vector<float> test_rows,
                     std::vector<Sample> train, std::vector<Sample> test);
  void clear_wide();
  void project_wide(std::vector<Sample>& samples, const std::vector<float>& rows) const;
  void wide_matrix(const std::vector<float>& rows, Matrix& x) const;
  // The network's inputs for points of the plane [n, 2]: the features, or on wide data the slice.
  void input_rows(const Matrix& points, Matrix& out) const;
  void import_wide(CsvData&& csv, const Config& next);
  std::string export_wide() const;
  std::string save_wide() const;
  void load_wide(const JsonValue& data);
  void set_data(std::vector<Sample> train, std::vector<Sample> test);
  void build_matrices();
  void build_network();
  void run_batch(const std::uint32_t* indices, std::size_t count);
  void after_epoch();
  void run_grid(int n, bool every_unit);
  const Matrix& forward_set(const Matrix& features);
  xt::xtensor<int, 1> predicted_classes(const Matrix& y) const;
  void invalidate_metrics() { metrics_valid_ = false; }

  Config config_;
  Network network_;
  std::vector<float> initial_params_;
  Optimizer optimizer_;
  Rng weight_rng_;

  std::vector<Sample> train_samples_, test_samples_;
  bool custom_data_ = false;
  Matrix train_x_, test_x_;  // features [features, samples]
  Matrix train_t_, test_t_;  // targets [outputs, samples]
  Vector train_labels_, test_labels_;  // [samples]
  std::vector<float> points_;  // [points, 4] for Embind, written through a matrix_view
  std::vector<std::uint32_t> order_;  // training order of the current epoch
  std::size_t cursor_ = 0;
  Rng order_rng_;

  ForwardCache batch_cache_, eval_cache_;
  Matrix eval_targets_;  // a block of a set's targets, beside eval_cache_
  Matrix batch_targets_, grad_output_;
  // next_params_: where a step writes the new parameters; swapped in only when they are finite.
  std::vector<float> grads_, next_params_;

  AlignedFloats grid_, grid_output_, grid_tile_;  // line-aligned: the kernels stream their rows
  const float* grid_output_at_ = nullptr;  // the output maps of the last grid pass
  Matrix grid_features_;  // [features, n*n] for grid_n_
  std::vector<std::int32_t> unit_counts_;
  int grid_n_ = 0;

  PointTrace trace_;
  std::vector<float> point_losses_;
  ForwardCache trace_cache_;
  Metrics metrics_;
  std::vector<std::int32_t> confusion_;  // [classes, classes] for Embind, counted through xt::adapt
  std::vector<std::int32_t> test_guesses_;  // [test samples], with the metrics
  // Every class's images given so far (null until the first), shared with the copy load() builds.
  std::shared_ptr<std::array<ImageClass, kImageClassCount>> images_;
  // Wide data: the inputs' names, every sample's k inputs [samples, k] row-major, the means of
  // the training rows and the slice's two inputs. Empty unless the data are wide.
  std::vector<std::string> input_names_;
  std::vector<float> wide_train_, wide_test_, input_means_;
  std::array<int, 2> slice_{0, 1};
  bool images_in_use_ = false;  // train_x_/test_x_ hold pixels, built by generate_images
  bool images_unchanged_ = false;  // and no class was given anew since (image_rows may read them)
  bool metrics_valid_ = false;
  int epoch_ = 0;
  bool diverged_ = false;
  std::string stop_reason_;
  double best_test_loss_ = 0.0;
  int best_epoch_ = 0;
};

}  // namespace nnplay
