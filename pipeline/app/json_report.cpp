#include "app/json_report.h"

namespace shokuhon::app {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Array::Ptr strings(const std::vector<std::string>& v) {
    Array::Ptr a = new Array;
    for (const auto& s : v) a->add(s);
    return a;
}

Object::Ptr ordered() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

}  // namespace

const char* severity_name(Severity s) {
    switch (s) {
        case Severity::kError: return "error";
        case Severity::kWarning: return "warning";
        case Severity::kNote: return "note";
    }
    return "note";
}

Object::Ptr diagnostic_json(const Diagnostic& d) {
    Object::Ptr o = ordered();
    o->set("file", d.loc.file);
    o->set("line", d.loc.line);
    o->set("col", d.loc.col);
    o->set("severity", std::string(severity_name(d.severity)));
    o->set("code", d.code);
    o->set("message", d.message);
    o->set("hints", strings(d.hints));
    return o;
}

Array::Ptr diagnostics_json(const Diagnostics& diags) {
    Array::Ptr a = new Array;
    for (const auto& d : diags.all()) a->add(diagnostic_json(d));
    return a;
}

Array::Ptr fill_json(const compose::FillReport& fill) {
    Array::Ptr a = new Array;
    for (const auto& s : fill.sections) {
        Object::Ptr o = ordered();
        o->set("id", s.id);
        o->set("title", s.title);
        o->set("pages_planned", s.pages_planned);
        o->set("pages_used", s.pages_used);
        o->set("entries", s.entries);
        o->set("entries_placed", s.entries_placed);
        o->set("shortened", strings(s.shortened));
        o->set("not_placed", strings(s.not_placed));
        o->set("overflowing", strings(s.overflowing));
        a->add(o);
    }
    return a;
}

Object::Ptr summary_json(const SummaryInput& in, const BuildResult& r, const Diagnostics& diags) {
    const int entries = r.fill.entries(), placed = r.fill.entries_placed();
    const std::size_t notes = diags.note_count();
    Object::Ptr o = ordered();
    o->set("command", in.command);
    o->set("ok", in.exit_code == 0);
    o->set("exit_code", in.exit_code);
    o->set("output", in.output.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(in.output));
    o->set("pages", r.pages);
    o->set("entries", entries);
    o->set("entries_placed", placed);
    o->set("errors", diags.error_count());
    o->set("warnings", diags.warning_count());
    o->set("notes", notes);
    o->set("seconds", r.seconds);
    o->set("pdf_parts", r.parts);                    // parts of 8 pages (0: nothing rendered)
    o->set("pdf_parts_rendered", r.parts_rendered);  // the rest came from the build cache
    o->set("font_subsets", r.font_subsets);            // fonts the rendered parts were drawn with
    o->set("font_subsets_kept", r.font_subsets_kept);  // of them, subsets kept from an earlier build
    o->set("sections", fill_json(r.fill));
    o->set("diagnostics", diagnostics_json(diags));
    return o;
}

void write_json(const Object::Ptr& obj, std::ostream& out) {
    obj->stringify(out, 2);
    out << '\n';
}

}  // namespace shokuhon::app
