// bench/: the machine the figures were measured on (they mean little without it).
#pragma once
#include <string>

#include "bench/results.h"

namespace shokuhon::bench {

Machine describe_machine();
std::string load_average();  // the first three fields of /proc/loadavg

}  // namespace shokuhon::bench
