// app/: the command line (Poco::Util::Application at the edge only): options, help, dispatch to
// the commands of app/command.h, and exit codes.
#pragma once
#include <Poco/Util/Application.h>
#include <Poco/Util/OptionSet.h>

#include <map>
#include <string>
#include <vector>

namespace shokuhon::app {

class ShokuhonApp : public Poco::Util::Application {
protected:
    void defineOptions(Poco::Util::OptionSet& options) override;
    void handleOption(const std::string& name, const std::string& value) override;
    int main(const std::vector<std::string>& args) override;

private:
    std::map<std::string, std::string> options_;
};

}  // namespace shokuhon::app
