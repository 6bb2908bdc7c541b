#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QStringList>

namespace centrale {

// A CSV file as rows of text, read and written through libcsv. Reads UTF-8 with or without a
// byte-order mark, comma or semicolon (chosen from the header line), CRLF or LF, and quoted
// fields holding separators, quotes and line breaks. Writes UTF-8 with a BOM and CRLF, every
// field quoted, which Excel and LibreOffice open as they are.
class CsvTable final {
    Q_DECLARE_TR_FUNCTIONS(CsvTable)
public:
    struct Row {
        int line = 0; // the file's line number where the record starts (the header is line 1)
        QStringList fields;
    };

    QStringList header;
    int headerLine = 1;
    QList<Row> rows;
    char separator = ';';

    // Errors: not UTF-8 (with the line), empty file, no header line, a broken quoted field.
    static Result<CsvTable> parse(const QByteArray &data);
    static Result<CsvTable> readFile(const QString &path);

    // Maps each known column (lower case) to its index in the header, matching names without regard to
    // case or surrounding spaces. Fails when a required column is missing; unknown collects the others.
    Result<QHash<QString, int>> columnIndex(const QStringList &known, const QStringList &required, QStringList &unknown) const;
    // The row's field in that column; empty when the column is absent or the row is short.
    static QString field(const Row &row, const QHash<QString, int> &columns, const QString &name);

    static QByteArray write(const QStringList &header, const QList<QStringList> &rows, char separator);
    // Writes the whole file or nothing (QSaveFile).
    static Status writeFile(const QString &path, const QStringList &header, const QList<QStringList> &rows, char separator);
};

} // namespace centrale
