#pragma once

#include <QList>
#include <QObject>
#include <QString>

namespace centrale {

// Where a local recording's samples come from: a sound card (AudioInputSource) or, in tests, a
// source the test controls. The recording dialog buffers, meters and converts whatever arrives
// through samplesReady, the same way for both.
class PcmSource : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PcmSource)
public:
    explicit PcmSource(QObject *parent = nullptr) : QObject(parent) {}
    ~PcmSource() override = default;

    // The device's name, for the device choice.
    virtual QString description() const = 0;
    // The format of what samplesReady delivers; known once start() succeeded.
    virtual int channels() const = 0;
    virtual int sampleRate() const = 0;
    // Returns false (and emits failed) when the device cannot be opened.
    virtual bool start() = 0;
    virtual void stop() = 0;

Q_SIGNALS:
    // Interleaved frames × channels samples in [-1, 1].
    void samplesReady(const QList<float> &interleaved);
    // Translated, for the user.
    void failed(const QString &message);
};

} // namespace centrale
