#include "bench/machine.h"

#include <sys/utsname.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <sstream>

namespace shokuhon::bench {
namespace {

// The value of the first "key<spaces>: value" line of a /proc file.
std::string proc_field(const char* file, const std::string& key) {
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);) {
        if (line.rfind(key, 0) != 0) continue;
        const auto colon = line.find(':');
        if (colon == std::string::npos) continue;
        const auto start = line.find_first_not_of(" \t", colon + 1);
        return start == std::string::npos ? std::string{} : line.substr(start);
    }
    return {};
}

std::string utc_now() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace

std::string load_average() {
    std::ifstream in("/proc/loadavg");
    std::string a, b, c;
    in >> a >> b >> c;
    return a.empty() ? std::string("unknown") : a + " " + b + " " + c;
}

Machine describe_machine() {
    Machine m;
    utsname u{};
    if (::uname(&u) == 0) {
        m.host = u.nodename;
        m.kernel = std::string(u.sysname) + " " + u.release + " " + u.machine;
    }
    m.cpus = ::sysconf(_SC_NPROCESSORS_ONLN);
    m.cpu_model = proc_field("/proc/cpuinfo", "model name");
    std::istringstream mem(proc_field("/proc/meminfo", "MemTotal"));
    double kb = 0;
    mem >> kb;
    m.mem_gib = kb / (1024.0 * 1024.0);
    m.date_utc = utc_now();
    m.load_before = load_average();
    return m;
}

}  // namespace shokuhon::bench
