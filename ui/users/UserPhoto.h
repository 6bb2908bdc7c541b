#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QImage>

namespace centrale {

// A user's photo as the service wants it: a 400x400 JPEG. Any picture Qt can read (JPEG, PNG, BMP,
// GIF, WebP...) of any size is cropped to its centre square and scaled; none is refused for its size.
class UserPhoto final {
    Q_DECLARE_TR_FUNCTIONS(UserPhoto)
public:
    static constexpr int Side = 400;

    static Result<QImage> load(const QString &path);
    static Result<QImage> fromData(const QByteArray &data);
    // The centre square, scaled to Side x Side (upscaled when smaller), without transparency.
    static QImage fit(const QImage &image);
    // JPEG bytes of fit(image), within the store's limit.
    static Result<QByteArray> toJpeg(const QImage &image);
};

} // namespace centrale
