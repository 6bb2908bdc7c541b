#include "prompts/WaveformView.h"

#include <QPainter>
#include <QPalette>

#include <algorithm>

namespace centrale {

WaveformView::WaveformView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("waveform"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void WaveformView::setSamples(std::vector<float> samples, int sampleRate)
{
    m_samples = std::move(samples);
    m_sampleRate = sampleRate > 0 ? sampleRate : 8000;
    m_cursor = -1.0;
    update();
}

void WaveformView::setPlayhead(double seconds)
{
    m_cursor = seconds;
    update();
}

void WaveformView::setPlaceholder(const QString &text)
{
    m_placeholder = text;
    update();
}

void WaveformView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRect area = rect().adjusted(1, 1, -1, -1);
    painter.fillRect(rect(), palette().base());
    painter.setPen(palette().mid().color());
    painter.drawRect(rect().adjusted(0, 0, -1, -1));
    if (m_samples.empty()) {
        painter.setPen(palette().placeholderText().color());
        painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        return;
    }
    const int width = area.width();
    const double middle = area.center().y();
    const double half = area.height() / 2.0;
    painter.setPen(palette().mid().color());
    painter.drawLine(area.left(), qRound(middle), area.right(), qRound(middle));
    painter.setPen(palette().highlight().color());
    const auto count = static_cast<qint64>(m_samples.size());
    for (int x = 0; x < width; ++x) {
        const qint64 from = count * x / width;
        const qint64 to = std::max(from + 1, count * (x + 1) / width);
        const auto [lo, hi] = std::minmax_element(m_samples.begin() + from, m_samples.begin() + std::min(to, count));
        const int top = qRound(middle - std::clamp(*hi, -1.0f, 1.0f) * half);
        const int bottom = qRound(middle - std::clamp(*lo, -1.0f, 1.0f) * half);
        painter.drawLine(area.left() + x, top, area.left() + x, bottom);
    }
    if (m_cursor >= 0.0) {
        const double seconds = static_cast<double>(count) / m_sampleRate;
        const int x = area.left() + qRound(std::min(1.0, m_cursor / seconds) * (width - 1));
        painter.setPen(palette().text().color());
        painter.drawLine(x, area.top(), x, area.bottom());
    }
}

} // namespace centrale
