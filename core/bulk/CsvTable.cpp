#include "bulk/CsvTable.h"

#include <QFile>
#include <QSaveFile>
#include <QStringDecoder>

#include <csv.h>

#include <memory>

namespace centrale {

namespace {

const QByteArray kBom = QByteArrayLiteral("\xEF\xBB\xBF");

// Collects libcsv's callbacks into rows, with the line each record starts on.
struct Collector {
    QList<CsvTable::Row> rows;
    QStringList fields;
    int rowStart = 0;
    bool rowOpen = false;
};

void onField(void *data, size_t length, void *self)
{
    auto *c = static_cast<Collector *>(self);
    c->fields << QString::fromUtf8(static_cast<const char *>(data), static_cast<qsizetype>(length));
}

void onRow(int, void *self)
{
    auto *c = static_cast<Collector *>(self);
    c->rows.append({c->rowStart, c->fields});
    c->fields.clear();
    c->rowOpen = false;
}

// The separator the header line uses: Belgian Excel writes semicolons, most others commas.
char detectSeparator(const QByteArray &firstLine)
{
    int commas = 0;
    int semicolons = 0;
    bool quoted = false;
    for (char ch : firstLine) {
        if (ch == '"')
            quoted = !quoted;
        else if (!quoted && ch == ',')
            ++commas;
        else if (!quoted && ch == ';')
            ++semicolons;
    }
    return semicolons > commas ? ';' : ',';
}

} // namespace

Result<CsvTable> CsvTable::parse(const QByteArray &input)
{
    QByteArray data = input;
    if (data.startsWith(kBom))
        data.remove(0, kBom.size());
    if (data.trimmed().isEmpty())
        return Error::invalid(tr("The file is empty: the first line must name the columns."));

    // Say which line is not UTF-8 (a file saved as "CSV" rather than "CSV UTF-8" in Excel).
    const QList<QByteArray> lines = data.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QStringDecoder decoder(QStringDecoder::Utf8);
        const QString text = decoder(lines.at(i));
        if (decoder.hasError())
            return Error::invalid(tr("Line %1 is not UTF-8 text. Save the file as \"CSV UTF-8\" and import it again.").arg(i + 1));
    }

    CsvTable table;
    table.separator = detectSeparator(lines.first());

    csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
        return Error{ErrorCode::Io, tr("Cannot read the file: out of memory."), {}};
    std::unique_ptr<csv_parser, decltype(&csv_free)> guard(&parser, &csv_free);
    csv_set_delim(&parser, static_cast<unsigned char>(table.separator));

    Collector c;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (!c.rowOpen && !line.trimmed().isEmpty()) {
            c.rowStart = static_cast<int>(i + 1);
            c.rowOpen = true;
        }
        QByteArray chunk = line;
        if (i + 1 < lines.size())
            chunk.append('\n');
        if (csv_parse(&parser, chunk.constData(), static_cast<size_t>(chunk.size()), onField, onRow, &c) != static_cast<size_t>(chunk.size()))
            return Error::invalid(tr("Line %1 cannot be read: %2. Check the quotes around that field.")
                                      .arg(c.rowOpen ? c.rowStart : int(i + 1))
                                      .arg(QString::fromUtf8(csv_strerror(csv_error(&parser)))));
    }
    if (csv_fini(&parser, onField, onRow, &c) != 0)
        return Error::invalid(tr("Line %1 cannot be read: a quoted field is not closed.").arg(c.rowStart));

    if (c.rows.isEmpty())
        return Error::invalid(tr("The file is empty: the first line must name the columns."));
    table.header = c.rows.first().fields;
    table.headerLine = c.rows.first().line;
    table.rows = c.rows.mid(1);
    return table;
}

Result<CsvTable> CsvTable::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, tr("Cannot open %1: %2").arg(path, file.errorString()), {}};
    return parse(file.readAll());
}

Result<QHash<QString, int>> CsvTable::columnIndex(const QStringList &known, const QStringList &required, QStringList &unknown) const
{
    QHash<QString, int> index;
    for (qsizetype i = 0; i < header.size(); ++i) {
        const QString name = header.at(i).trimmed().toLower();
        if (known.contains(name) && !index.contains(name))
            index.insert(name, int(i));
        else if (!name.isEmpty())
            unknown << header.at(i).trimmed();
    }
    QStringList missing;
    for (const QString &name : required) {
        if (!index.contains(name))
            missing << name;
    }
    if (!missing.isEmpty())
        return Error::invalid(tr("The file has no column %1; the first line must name the columns (%2).")
                                  .arg(missing.join(QStringLiteral(", ")), known.join(QStringLiteral(", "))));
    return index;
}

QString CsvTable::field(const Row &row, const QHash<QString, int> &columns, const QString &name)
{
    const int i = columns.value(name, -1);
    return i < 0 ? QString() : row.fields.value(i).trimmed();
}

QByteArray CsvTable::write(const QStringList &header, const QList<QStringList> &rows, char separator)
{
    QByteArray out = kBom;
    QByteArray quoted;
    auto writeRow = [&](const QStringList &fields) {
        for (qsizetype i = 0; i < fields.size(); ++i) {
            if (i > 0)
                out.append(separator);
            const QByteArray utf8 = fields.at(i).toUtf8();
            // libcsv quotes the field and doubles its quotes; at most 2 * n + 2 bytes.
            quoted.resize(utf8.size() * 2 + 2);
            const size_t n = csv_write2(quoted.data(), static_cast<size_t>(quoted.size()), utf8.constData(),
                                        static_cast<size_t>(utf8.size()), CSV_QUOTE);
            out.append(quoted.constData(), static_cast<qsizetype>(n));
        }
        out.append("\r\n");
    };
    writeRow(header);
    for (const QStringList &row : rows)
        writeRow(row);
    return out;
}

Status CsvTable::writeFile(const QString &path, const QStringList &header, const QList<QStringList> &rows, char separator)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{ErrorCode::Io, tr("Cannot write %1: %2").arg(path, file.errorString()), {}};
    file.write(write(header, rows, separator));
    if (!file.commit())
        return Error{ErrorCode::Io, tr("Cannot write %1: %2").arg(path, file.errorString()), {}};
    return {};
}

} // namespace centrale
