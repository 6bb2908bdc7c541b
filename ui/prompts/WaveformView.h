#pragma once

#include <QWidget>

#include <vector>

namespace centrale {

// A prompt's waveform: for each pixel column, the minimum and maximum of the samples it covers.
class WaveformView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WaveformView)
public:
    explicit WaveformView(QWidget *parent = nullptr);

    // Samples in [-1, 1] at sampleRate; empty clears the picture.
    void setSamples(std::vector<float> samples, int sampleRate);
    const std::vector<float> &samples() const { return m_samples; }
    bool hasData() const { return !m_samples.empty(); }
    // Where playback is, in seconds; negative hides the cursor.
    void setPlayhead(double seconds);
    // Shown when there is no waveform.
    void setPlaceholder(const QString &text);

    QSize sizeHint() const override { return {360, 120}; }
    QSize minimumSizeHint() const override { return {120, 60}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    std::vector<float> m_samples;
    int m_sampleRate = 8000;
    double m_cursor = -1.0;
    QString m_placeholder;
};

} // namespace centrale
