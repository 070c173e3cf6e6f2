// finish/: libjpeg decode and CMYK encode for the print pass (see jpeg_io.h).
//
// libjpeg reports errors through error_exit, which must not return: it longjmps back to the
// setjmp in the calling function. No C++ object with a destructor is created between a setjmp
// and the end of its function; buffers belong to the caller's frame.
#include "finish/jpeg_io.h"

#include <cstdio>
// jpeglib.h needs FILE and size_t declared first.
#include <jpeglib.h>

#include <csetjmp>
#include <cstdlib>

namespace shokuhon::finish {
namespace {

struct ErrorMgr {
    jpeg_error_mgr pub;
    std::jmp_buf jump;
};

[[noreturn]] void on_error(j_common_ptr cinfo) {
    auto* err = reinterpret_cast<ErrorMgr*>(cinfo->err);
    std::longjmp(err->jump, 1);
}

void silence(j_common_ptr, int) {}  // corrupt-data warnings: the load-time check reports them

const unsigned char* bytes_of(const std::string& s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}

// Reads the embedded profile once the header is read; "" when there is none.
void read_icc(jpeg_decompress_struct& cinfo, std::string& icc) {
    JOCTET* data = nullptr;
    unsigned int len = 0;
    if (jpeg_read_icc_profile(&cinfo, &data, &len) && data) {
        icc.assign(reinterpret_cast<const char*>(data), len);
        std::free(data);
    }
}

}  // namespace

bool jpeg_decode(const std::string& bytes, DecodedImage& out, unsigned long long max_pixels) {
    jpeg_decompress_struct cinfo{};
    ErrorMgr err{};
    cinfo.err = jpeg_std_error(&err.pub);
    err.pub.error_exit = on_error;
    err.pub.emit_message = silence;
    if (setjmp(err.jump)) {
        jpeg_destroy_decompress(&cinfo);
        return false;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, bytes_of(bytes), static_cast<unsigned long>(bytes.size()));
    jpeg_save_markers(&cinfo, JPEG_APP0 + 2, 0xFFFF);
    jpeg_read_header(&cinfo, TRUE);
    const bool grey = cinfo.num_components == 1;
    if ((!grey && cinfo.num_components != 3) ||
        static_cast<unsigned long long>(cinfo.image_width) * cinfo.image_height > max_pixels) {
        jpeg_destroy_decompress(&cinfo);
        return false;
    }
    read_icc(cinfo, out.icc);
    cinfo.out_color_space = grey ? JCS_GRAYSCALE : JCS_RGB;
    jpeg_start_decompress(&cinfo);
    out.width = static_cast<int>(cinfo.output_width);
    out.height = static_cast<int>(cinfo.output_height);
    out.components = cinfo.output_components;
    const std::size_t stride = static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.components);
    out.pixels.resize(stride * static_cast<std::size_t>(out.height));
    while (cinfo.output_scanline < cinfo.output_height) {
        JSAMPROW row = out.pixels.data() + stride * cinfo.output_scanline;
        jpeg_read_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    return true;
}

bool jpeg_encode_cmyk(const std::vector<unsigned char>& cmyk, int width, int height, int quality,
                      std::string& out) {
    jpeg_compress_struct cinfo{};
    ErrorMgr err{};
    unsigned char* buf = nullptr;
    unsigned long size = 0;
    cinfo.err = jpeg_std_error(&err.pub);
    err.pub.error_exit = on_error;
    if (setjmp(err.jump)) {
        jpeg_destroy_compress(&cinfo);
        std::free(buf);
        return false;
    }
    jpeg_create_compress(&cinfo);
    jpeg_mem_dest(&cinfo, &buf, &size);
    cinfo.image_width = static_cast<JDIMENSION>(width);
    cinfo.image_height = static_cast<JDIMENSION>(height);
    cinfo.input_components = 4;
    cinfo.in_color_space = JCS_CMYK;
    jpeg_set_defaults(&cinfo);
    // Without the Adobe marker no reader guesses "inverted Photoshop CMYK": the bytes are ink.
    cinfo.write_Adobe_marker = FALSE;
    jpeg_set_quality(&cinfo, quality, TRUE);
    cinfo.optimize_coding = TRUE;  // optimal Huffman tables: about 8 % smaller, lossless
    jpeg_start_compress(&cinfo, TRUE);
    const std::size_t stride = static_cast<std::size_t>(width) * 4;
    while (cinfo.next_scanline < cinfo.image_height) {
        // libjpeg's API takes non-const rows; it only reads them.
        JSAMPROW row = const_cast<unsigned char*>(cmyk.data()) + stride * cinfo.next_scanline;
        jpeg_write_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    out.assign(reinterpret_cast<const char*>(buf), size);
    std::free(buf);
    return true;
}

bool jpeg_size(const std::string& bytes, int& width, int& height) {
    jpeg_decompress_struct cinfo{};
    ErrorMgr err{};
    cinfo.err = jpeg_std_error(&err.pub);
    err.pub.error_exit = on_error;
    err.pub.emit_message = silence;
    if (setjmp(err.jump)) {
        jpeg_destroy_decompress(&cinfo);
        return false;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, bytes_of(bytes), static_cast<unsigned long>(bytes.size()));
    jpeg_read_header(&cinfo, TRUE);
    width = static_cast<int>(cinfo.image_width);
    height = static_cast<int>(cinfo.image_height);
    jpeg_destroy_decompress(&cinfo);
    return true;
}

std::string jpeg_icc(const std::string& bytes) {
    jpeg_decompress_struct cinfo{};
    ErrorMgr err{};
    cinfo.err = jpeg_std_error(&err.pub);
    err.pub.error_exit = on_error;
    err.pub.emit_message = silence;
    std::string icc;  // constructed before setjmp: it outlives every longjmp
    if (setjmp(err.jump)) {
        jpeg_destroy_decompress(&cinfo);
        return icc;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, bytes_of(bytes), static_cast<unsigned long>(bytes.size()));
    jpeg_save_markers(&cinfo, JPEG_APP0 + 2, 0xFFFF);
    jpeg_read_header(&cinfo, TRUE);
    read_icc(cinfo, icc);
    jpeg_destroy_decompress(&cinfo);
    return icc;
}

}  // namespace shokuhon::finish
