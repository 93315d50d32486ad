#include <catch2/catch.hpp>

#include <cmath>

#include "csv.hpp"

using namespace nnplay;

TEST_CASE("CSV with a header and two named classes gives -1 / +1 in order of appearance") {
  const CsvData d = parse_csv("x,y,label\n1,2,cat\n-1,-2,dog\n3,0,cat\n0,3,dog\n");
  CHECK(d.problem == Problem::kClassification);
  CHECK(d.classes == 2);
  CHECK(d.class_names == std::vector<std::string>{"cat", "dog"});
  REQUIRE(d.samples.size() == 4);
  CHECK(d.samples[0].label == -1.0f);
  CHECK(d.samples[1].label == 1.0f);
  CHECK(d.samples[1].x == -1.0f);
}

TEST_CASE("CSV without a header, CRLF line ends, blank lines and spaces") {
  const CsvData d = parse_csv("0, 0, 2\r\n\r\n1,1,0\r\n2 ,2,1\r\n3,3,2\r\n");
  CHECK(d.classes == 3);
  CHECK(d.samples[0].label == 2.0f);  // numbers become classes in ascending order: 0, 1, 2
  CHECK(d.samples[1].label == 0.0f);
}

TEST_CASE("CSV with real-valued labels is a regression, scaled into [-1, 1]") {
  const CsvData d = parse_csv("0,0,0.5\n1,1,4\n2,2,-2\n3,3,1.25\n4,4,3.3\n5,5,0.1\n6,6,2.2\n-1,1,0.7\n");
  CHECK(d.problem == Problem::kRegression);
  CHECK(d.samples[1].label == Approx(1.0f));
  CHECK(d.samples[2].label == Approx(-0.5f));
}

TEST_CASE("CSV positions outside the plot are centred and scaled in, keeping the aspect") {
  const CsvData d = parse_csv("100,10,a\n200,10,b\n100,60,a\n200,60,b\n");
  for (const auto& s : d.samples) {
    CHECK(std::abs(s.x) <= 5.5f);
    CHECK(std::abs(s.y) <= 5.5f);
  }
  CHECK(d.samples[0].x == Approx(-5.5f));
  CHECK(d.samples[1].x == Approx(5.5f));
  CHECK(d.samples[2].y - d.samples[0].y == Approx(5.5f));  // 50 of 100 units -> half the width
}

TEST_CASE("bad CSV gets a message naming the line and the problem") {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"x,y,label\n1,2\n", "line 2: expected 3 values (x,y,label), found 2"},
      {"1,2,a\n1,b,a\n", "line 2: y \"b\" is not a number"},
      {"1,2,a\n3,4,a\nnan,4,b\n", "line 3: x \"nan\" is not a number"},
      {"1,2,a\n1,2,\n", "line 2: the label is empty"},
      {"1,2,a\n1,2,<b>\n3,3,a\n4,4,a\n", "line 2: label \"<b>\" is neither a number nor a name (letters, digits, space, _ - .)"},
      {"x,y\n1,2,a\n", "line 1: the header has 2 columns; expected 3 (x,y,label)"},
      {"1,2,a\n", "the file has 1 points; at least 4 are needed"},
      {"", "the file has 0 points; at least 4 are needed"},
      {"1,1,a\n2,2,a\n3,3,a\n4,4,a\n", "every point has the label \"a\"; at least 2 classes are needed"},
      {"1,1,a\n2,2,b\n3,3,c\n4,4,d\n5,5,e\n6,6,f\n7,7,g\n", "the labels name 7 classes; allowed up to 6"},
      {"1,2,a\n1e999,2,a\n", "line 2: x \"1e999\" is not a number"},
      {"x,y,Target\n1,1,0.5\n2,2,cat\n3,3,1\n4,4,0\n", "line 3: target \"cat\" is not a number"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK_THROWS_WITH(parse_csv(c.text), c.message);
  }
}

TEST_CASE("CSV limits: more than 2000 points is refused at the line where it happens") {
  std::string text;
  for (int i = 0; i <= 2000; ++i) text += std::to_string(i % 5) + ",1," + (i % 2 ? "a" : "b") + "\n";
  CHECK_THROWS_WITH(parse_csv(text), "line 2001: more than 2000 points; allowed up to 2000");
}

TEST_CASE("format_csv writes what parse_csv reads back") {
  const std::vector<Sample> samples = {{1.5f, -2.25f, 1.0f}, {0.1f, 0.2f, -1.0f}, {3, 3, 1}, {-3, -3, -1}};
  const CsvData back = parse_csv(format_csv(samples));
  REQUIRE(back.samples.size() == 4);
  CHECK(back.samples[0].x == 1.5f);
  CHECK(back.samples[0].label == 1.0f);
  CHECK(back.samples[1].label == -1.0f);
}

TEST_CASE("found by fuzzing: -0 and 0 are one class, and huge coordinates still fit the plot") {
  const CsvData zero = parse_csv("x,y,label\n1,1,0\n2,2,-0\n3,3,1\n4,4,1\n");
  CHECK(zero.classes == 2);
  CHECK(zero.samples[0].label == zero.samples[1].label);
  const CsvData huge = parse_csv("x,y,label\n1e308,0,a\n1.7e308,1,b\n1.5e308,2,a\n1.2e308,3,b\n");
  for (const auto& s : huge.samples) {
    CHECK(std::isfinite(s.x));
    CHECK(std::abs(s.x) <= 5.5f);
  }
}

TEST_CASE("a target or value column is regression, even of whole numbers") {
  const CsvData whole = parse_csv("x,y,target\n1,1,0\n2,2,1\n3,3,-1\n4,4,1\n");
  CHECK(whole.problem == Problem::kRegression);
  CHECK(whole.samples[2].label == -1.0f);
  const CsvData named = parse_csv("x,y,VALUE\n1,1,4\n2,2,2\n3,3,0\n4,4,-8\n");
  CHECK(named.problem == Problem::kRegression);
  CHECK(named.samples[3].label == -1.0f);  // scaled by the largest magnitude, 8
  // Without such a header, two to six whole numbers are still classes.
  CHECK(parse_csv("x,y,label\n1,1,0\n2,2,1\n3,3,-1\n4,4,1\n").problem == Problem::kClassification);
}

TEST_CASE("found by fuzzing: an exported regression file reads back as regression") {
  // Targets of 1e-299 become 0 as floats: exported as 0, they read back as one class and the
  // import failed. Whole-number targets (-1, 0, 1) read back as three classes.
  const CsvData tiny = parse_csv("x,y,label\n1,1,0\n2,2,-0\n3,3,11e-300\n4,4,21e-300\n");
  REQUIRE(tiny.problem == Problem::kRegression);
  const CsvData back = parse_csv(format_csv(tiny.samples, tiny.problem));
  CHECK(back.problem == Problem::kRegression);
  CHECK(back.samples.size() == 4);
  const std::vector<Sample> whole = {{1, 1, -1}, {2, 2, 0}, {3, 3, 1}, {4, 4, 0}};
  const CsvData again = parse_csv(format_csv(whole, Problem::kRegression));
  CHECK(again.problem == Problem::kRegression);
  for (std::size_t i = 0; i < whole.size(); ++i) CHECK(again.samples[i].label == whole[i].label);
}
