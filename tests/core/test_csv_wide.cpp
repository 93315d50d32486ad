// Wide CSV data (x1, ..., xk, label): the reader and its messages, the session's k inputs, the
// map's slice through two inputs, the trace and gradients with k inputs, and save / load.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "csv.hpp"
#include "session.hpp"

using namespace nnplay;

namespace {

// 200 rows of four inputs; the class is the sign of x3 + x4 (x1, x2 are noise), so a network
// must use the inputs the default slice leaves out.
std::string four_column_csv(bool header = true) {
  std::string csv = header ? "a,b,c,d,label\n" : "";
  for (int i = 0; i < 200; ++i) {
    const double x1 = (i * 37 % 101) / 10.0 - 5, x2 = (i * 53 % 97) / 10.0 - 4.8;
    const double x3 = (i * 71 % 89) / 9.0 - 4.9, x4 = (i * 29 % 83) / 8.5 - 4.8;
    csv += std::to_string(x1) + "," + std::to_string(x2) + "," + std::to_string(x3) + "," + std::to_string(x4) + "," +
           (x3 + x4 > 0 ? "yes" : "no") + "\n";
  }
  return csv;
}

std::size_t train_count(const Session& s) {
  std::size_t n = 0;
  for (std::size_t i = 3; i < s.points().size(); i += 4) n += s.points()[i] == 0.0f;
  return n;
}

}  // namespace

TEST_CASE("a wide CSV reads k inputs, named by its header or x1 .. xk, each column fitted on its own") {
  const CsvData d = parse_csv("a,b,c,label\n1,100,2,cat\n2,200,3,dog\n3,150,-1,cat\n4,120,0,dog\n");
  CHECK(d.input_names == std::vector<std::string>{"a", "b", "c"});
  REQUIRE(d.inputs.size() == 12);
  CHECK(d.inputs[0] == 1.0f);             // inside the plot: kept
  CHECK(d.inputs[1] == Approx(-5.5f));    // 100..200 -> -5.5..5.5
  CHECK(d.inputs[4] == Approx(5.5f));
  CHECK(d.inputs[5] == 3.0f);
  CHECK(d.samples[1].x == 2.0f);          // samples hold the first two inputs
  CHECK(d.samples[1].label == 1.0f);
  const CsvData plain = parse_csv("1,2,3,4,0.5\n2,3,4,5,0.25\n3,4,5,6,0.75\n4,5,6,1,0.1\n");
  CHECK(plain.input_names == std::vector<std::string>{"x1", "x2", "x3", "x4"});
  CHECK(plain.problem == Problem::kRegression);
  CHECK(parse_csv("x,y,label\n1,2,a\n2,1,b\n3,3,a\n4,4,b\n").input_names.empty());  // two columns: points
  const CsvData target = parse_csv("p,q,r,Target\n1,1,1,0\n2,2,2,1\n3,3,3,1\n4,4,4,0\n");
  CHECK(target.problem == Problem::kRegression);
}

TEST_CASE("bad wide CSV gets a message with the line and the column") {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"a,b,c,label\n1,2,3,x\n1,2,x\n", "line 3: expected 4 values (3 inputs, then the label, as line 1 has), found 3"},
      {"1,2,3,x\n\n1,2,3,4,x\n", "line 3: expected 4 values (3 inputs, then the label, as line 1 has), found 5"},
      {"a,b,c,label\n1,2,3,x\n1,2,q,x\n", "line 3, column 3 (\"c\"): \"q\" is not a number"},
      {"1,2,3,x\n1,2,3,x\n7,nan,3,x\n", "line 3, column 2 (\"x2\"): \"nan\" is not a number"},
      {"1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,x\n", "line 1: 18 values; allowed up to 17 (inputs, then the label; up to 16 inputs)"},
      {"a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,label\n", "line 1: the header has 18 columns; allowed up to 17 (inputs, then the label; up to 16 inputs)"},
      {"a,b,this_name_is_much_longer_than_the_limit,label\n", "line 1, column 3: the name \"this_name_is_much_longer...\" is longer than 32 characters"},
      {"a,b,c,label\n1,2,3,\n", "line 2: the label is empty"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK_THROWS_WITH(parse_csv(c.text), c.message);
  }
  Session s;
  const auto before = s.points();
  CHECK_THROWS(s.import_csv("a,b,c,label\n1,2,3,x\n1,2\n"));
  CHECK(s.points() == before);  // the session keeps its data
  CHECK(s.wide_inputs() == 0);
}

TEST_CASE("a wide CSV's network takes the k columns, whatever the features, and learns from the hidden ones") {
  Session s;
  s.configure("dataset=circle&networkShape=6&activation=tanh&learningRate=0.03&batchSize=10&seed=w&x=true&y=true&xSquared=true");
  s.import_csv(four_column_csv());
  CHECK(s.wide_inputs() == 4);
  CHECK(s.input_names() == std::vector<std::string>{"a", "b", "c", "d"});
  CHECK(s.unit_counts()[0] == 4);
  s.set("sinX", "true");  // a feature change rebuilds the network, still on the k columns
  CHECK(s.unit_counts()[0] == 4);
  CHECK(s.wide_inputs() == 4);
  s.train_epochs(40);
  CHECK(s.metrics().test_accuracy >= 0.9);
  CHECK_THROWS_WITH(s.add_point(1, 1, 1, false), "point: a point of the plane has 2 inputs; these data have 4");
  CHECK_THROWS(s.remove_point(0));
  s.configure("dataset=xor&networkShape=6");  // new data settings drop the file, as for two columns
  CHECK(s.wide_inputs() == 0);
  CHECK(s.unit_counts()[0] == 2);
}

TEST_CASE("the map is a slice through two inputs with the others at their training mean") {
  Session s;
  s.configure("dataset=gauss&networkShape=3&activation=tanh&seed=slice&percTrainData=70");
  s.import_csv(four_column_csv());
  // The means of the training rows, from the exported file (training rows first).
  const std::string csv = s.export_csv();
  const CsvData back = parse_csv(csv);
  const std::size_t n = train_count(s);
  std::vector<double> mean(4, 0.0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < 4; ++j) mean[j] += back.inputs[i * 4 + j] / double(n);
  s.set_slice(2, 0);
  const int side = 9;
  s.evaluate_grid(side);
  const auto inputs = s.grid_layer(0);
  const std::size_t cells = std::size_t(side * side);
  for (std::size_t c = 0; c < cells; ++c) {
    const float x = -kPlotExtent + 2 * kPlotExtent * float(c % side) / (side - 1);
    const float y = kPlotExtent - 2 * kPlotExtent * float(c / side) / (side - 1);
    CHECK(inputs.data[0 * cells + c] == Approx(y));   // input 1 is the slice's y
    CHECK(inputs.data[2 * cells + c] == Approx(x));   // input 3 its x
    CHECK(inputs.data[1 * cells + c] == Approx(mean[1]).margin(1e-5));
    CHECK(inputs.data[3 * cells + c] == Approx(mean[3]).margin(1e-5));
  }
  // points() shows the data projected on the slice's inputs.
  CHECK(s.points()[0] == back.inputs[2]);
  CHECK(s.points()[1] == back.inputs[0]);
  CHECK_THROWS_WITH(s.set_slice(1, 1), "slice: the inputs must be two different ones of 1 to 4");
  CHECK_THROWS(s.set_slice(0, 4));
  Session plain;
  CHECK_THROWS_WITH(plain.set_slice(0, 1), "slice: the data have two inputs; a slice is for wide CSV data");
}

TEST_CASE("a grid cell of the slice is the network at that row when the other inputs equal their mean") {
  // Inputs 3 and 4 are the same in every row, so their mean is that value and a row whose
  // first two inputs fall on the grid is one of the grid's cells.
  std::string csv = "p,q,r,s,label\n";
  for (int i = 0; i < 40; ++i) csv += std::to_string(i % 13 - 6) + "," + std::to_string(i / 4 - 5) + ",1.5,-2," + (i % 3 ? "a" : "b") + "\n";
  Session s;
  s.configure("dataset=gauss&networkShape=4,3&activation=tanh&seed=cell");
  s.import_csv(csv);
  s.train_epochs(3);
  s.evaluate_grid(13);
  const float* out = s.evaluate_grid_output(13);
  for (int index : {0, 5, 17, 30}) {
    const float x = s.points()[std::size_t(index) * 4], y = s.points()[std::size_t(index) * 4 + 1];
    const std::size_t cell = std::size_t(6 - y) * 13 + std::size_t(x + 6);
    const auto& trace = s.trace_sample(index);
    CHECK(out[cell] == Approx(trace.activations.back()).margin(1e-5));
  }
}

TEST_CASE("gradients with k inputs match central differences") {
  Session s;
  s.configure("dataset=gauss&networkShape=5&activation=tanh&seed=grad&init=glorot");
  s.import_csv(four_column_csv());
  for (int index : {3, 150}) {
    const std::vector<float> grads = s.trace_sample(index).gradients, params = s.params();
    for (std::size_t i = 0; i < params.size(); ++i) {
      const float h = 1e-2f;
      s.set_param(int(i), params[i] + h);
      const double up = s.trace_sample(index).loss;
      s.set_param(int(i), params[i] - h);
      const double down = s.trace_sample(index).loss;
      s.set_param(int(i), params[i]);
      const double fd = (up - down) / (2.0 * h);
      INFO("sample " << index << " parameter " << i << ": " << grads[i] << " vs " << fd);
      CHECK(std::fabs(grads[i] - fd) <= 0.02 * std::fabs(fd) + 2e-4);
    }
  }
}

TEST_CASE("wide data save and load continue training exactly, with the slice, and export reads back") {
  Session s;
  s.configure("dataset=gauss&networkShape=4&activation=tanh&optimizer=adam&learningRate=0.01&seed=keep");
  s.import_csv(four_column_csv(false));
  s.set_slice(3, 1);
  s.step(7);
  Session t;
  t.load(s.save());
  CHECK(t.wide_inputs() == 4);
  CHECK(t.input_names() == s.input_names());
  CHECK(t.slice() == std::array<int, 2>{3, 1});
  CHECK(t.points() == s.points());
  CHECK(t.params() == s.params());
  s.train_epochs(2);
  t.train_epochs(2);
  CHECK(t.params() == s.params());
  CHECK(t.metrics().train_loss == s.metrics().train_loss);
  Session u;
  u.import_csv(s.export_csv());
  CHECK(u.wide_inputs() == 4);
  CHECK(u.input_names() == std::vector<std::string>{"x1", "x2", "x3", "x4"});
  CHECK(u.points().size() == s.points().size());
}

TEST_CASE("a bad wide experiment file is refused with a message and changes nothing") {
  Session s;
  s.import_csv(four_column_csv());
  const std::string good = s.save();
  auto replaced = [&](const std::string& from, const std::string& to) {
    std::string text = good;
    text.replace(text.find(from), from.size(), to);
    return text;
  };
  Session t;
  const auto before = t.points();
  CHECK_THROWS_WITH(t.load(replaced("\"slice\":[0,1]", "\"slice\":[0,9]")), "experiment file: \"slice\" is not two input numbers");
  CHECK_THROWS_WITH(t.load(replaced("\"inputs\":[\"a\",", "\"inputs\":[7,")),
                    "experiment file: \"inputs\" holds a name that is not text of 1 to 32 characters");
  CHECK_THROWS_WITH(t.load(replaced("\"train\":[[", "\"train\":[[99,")),
                    "experiment file: \"train\" row 0 does not hold 4 inputs and a label");
  CHECK(t.points() == before);
  CHECK(t.wide_inputs() == 0);
}
