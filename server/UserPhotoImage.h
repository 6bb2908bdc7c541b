#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QCoreApplication>

namespace centrale::server {

// A user's photo as the service stores it, whatever the client sent: the JPEG is decoded with
// libjpeg-turbo (which also proves it is one), its centre square scaled to 400x400 and written
// again as JPEG, as the desktop's photo dialog does before it saves. A picture a camera stored
// turned or mirrored is set upright first, as its EXIF orientation (libexif) says.
class UserPhotoImage final {
    Q_DECLARE_TR_FUNCTIONS(UserPhotoImage)
public:
    static constexpr int Side = 400;
    static constexpr int MaxStoredBytes = 512 * 1024; // the desktop store's limit

    static Result<QByteArray> normalise(const QByteArray &jpeg);
};

} // namespace centrale::server
