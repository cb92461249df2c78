/* dossier._speedups: loops of dossier written in C, each with a pure-Python twin that gives the same result.
 *
 * count_keys(data)                 how many keys the objects of a valid JSON text hold (loading.py)
 * canonical_json(report, shapes)   a report's canonical JSON text (canonical.py)
 * plain_text(text)                 whether a str needs no escaping in N-Triples or Turtle (linked/turtlegen.py)
 * walk(root, ...)                  the walk that gathers a report's nodes for loading's checks (walk.py)
 * nquads(records, with_graph, ...) the N-Quads or N-Triples lines of node records, UTF-8 or a str (linked/ntriples.py)
 *
 * They are optional: a machine without a C compiler installs dossier without them, and dossier/native.py then
 * gives the Python twins. For data a loop is not sure of, it returns None and the caller takes the Python way,
 * which handles (and reports) everything; walk, whose twin raises on data that is not a tree, raises as it does.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

/* ---- a growing buffer of bytes */

typedef struct {
    char *data;
    Py_ssize_t len, cap;
} Buffer;

static int
grow(Buffer *b, Py_ssize_t more)
{
    if (b->len + more <= b->cap)
        return 0;
    Py_ssize_t cap = b->cap * 2;
    if (cap < b->len + more)
        cap = b->len + more;
    char *data = PyMem_Realloc(b->data, cap);
    if (data == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    b->data = data;
    b->cap = cap;
    return 0;
}

static int
put(Buffer *b, const char *s, Py_ssize_t n)
{
    if (grow(b, n) < 0)
        return -1;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    return 0;
}

#define PUT_LITERAL(b, s) put((b), (s), sizeof(s) - 1)

/* What each byte of an N-Triples literal's UTF-8 becomes, and each character below U+0080 of a JSON string (see
 * fill_escape_table): 0 itself; 'u' a \uXXXX escape; else the letter of its two-character escape. */
static char escapes[256], json_escapes[256];

/* The UTF-8 ``s`` with each byte that ``escapes`` marks escaped, as N-Triples and Turtle escape a string. */
static int
put_escaped(Buffer *b, const char *s, Py_ssize_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    Py_ssize_t start = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        char e = escapes[c];
        if (!e)
            continue;
        if (put(b, s + start, i - start) < 0)
            return -1;
        char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]}, two[2] = {'\\', e};
        if (e == 'u' ? put(b, u, 6) < 0 : put(b, two, 2) < 0)
            return -1;
        start = i + 1;
    }
    return put(b, s + start, n - start);
}

/* Fill an escape table: the quote and the backslash, and the controls below U+0020 (\b \f \n \r \t by their
 * letters); with ``del``, U+007F too. JSON and N-Triples escape the same, but for DEL (and the case of the digits). */
static void
fill_escape_table(char *table, int del)
{
    for (int c = 0; c < 0x20; c++)
        table[c] = 'u';
    if (del)
        table[0x7f] = 'u';
    table['"'] = '"';
    table['\\'] = '\\';
    table['\b'] = 'b';
    table['\f'] = 'f';
    table['\n'] = 'n';
    table['\r'] = 'r';
    table['\t'] = 't';
}

static PyObject *dict_name;  /* "__dict__", interned */

/* One buffer kept from call to call: a dossier's output is then written into memory already in use, not into
 * fresh pages from the system, which after a burst of other allocations and frees (a glibc heap trimmed) each
 * cost a fault. Kept up to KEEP bytes; a call that finds it in use (a str subclass's Python code calling back)
 * writes into a buffer of its own. */
#define KEEP (8 << 20)
static Buffer kept;
static int kept_busy;

static Buffer *
take_buffer(Buffer *own)
{
    if (kept_busy)
        return own;
    kept_busy = 1;
    kept.len = 0;
    return &kept;
}

static void
give_back(Buffer *b)
{
    if (b == &kept) {
        kept_busy = 0;
        if (kept.cap <= KEEP)
            return;
    }
    PyMem_Free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

/* ---- JSON: count_keys */

static int
is_json_space(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

/* The end of the JSON string opened by the quote at ``open``: its closing quote, the first with an even number of
 * backslashes before it; NULL if none comes before ``end``. */
static const char *
string_end(const char *open, const char *end)
{
    const char *q = open + 1;
    while ((q = memchr(q, '"', end - q)) != NULL) {
        const char *r = q;
        while (r > open + 1 && r[-1] == '\\')
            r--;
        if ((q - r) % 2 == 0)
            return q;
        q++;
    }
    return NULL;
}

/* The number of strings of a valid JSON text that are followed, after any whitespace, by a colon: the keys.
 * Strings are skipped whole, so a colon inside one never counts; a quote is a string's end when an even
 * number of backslashes stands before it. Returns None where the text has an unclosed string. */
static PyObject *
count_keys(PyObject *self, PyObject *arg)
{
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0)
        return NULL;
    const char *p = view.buf, *end = p + view.len;
    Py_ssize_t count = 0;
    int closed = 1;
    while ((p = memchr(p, '"', end - p)) != NULL) {
        const char *q = string_end(p, end);
        if (q == NULL) {
            closed = 0;
            break;
        }
        p = q + 1;
        while (p < end && is_json_space(*p))
            p++;
        if (p < end && *p == ':')
            count++;
    }
    PyBuffer_Release(&view);
    if (!closed)
        Py_RETURN_NONE;
    return PyLong_FromSsize_t(count);
}

/* ---- canonical_json */


/* The canonical JSON is written as UCS-4 characters into a Buffer (four bytes each), and made a str at the end in
 * one pass, which narrows it to the smallest kind: no text is encoded to UTF-8 and decoded again. */

/* The ASCII characters ``s``. */
static int
jput(Buffer *b, const char *s, Py_ssize_t n)
{
    if (grow(b, 4 * n) < 0)
        return -1;
    Py_UCS4 *o = (Py_UCS4 *)(b->data + b->len);
    for (Py_ssize_t i = 0; i < n; i++)
        o[i] = (unsigned char)s[i];
    b->len += 4 * n;
    return 0;
}

/* A line break and the indent of ``depth`` levels of two spaces. */
static int
jbreak(Buffer *b, Py_ssize_t depth)
{
    Py_ssize_t n = 1 + 2 * depth;
    if (grow(b, 4 * n) < 0)
        return -1;
    Py_UCS4 *o = (Py_UCS4 *)(b->data + b->len);
    o[0] = '\n';
    for (Py_ssize_t i = 1; i < n; i++)
        o[i] = ' ';
    b->len += 4 * n;
    return 0;
}

/* The characters of a str of character type T, escaped as JSON strings escape them, written from ``o`` on; ``o``
 * ends after them. Room is made for each escape as it comes (few texts have any), for its six characters and the
 * characters left: the buffer may move. */
#define JSON_CHARS(T)                                                                                \
    for (Py_ssize_t i = 0; i < n; i++) {                                                             \
        Py_UCS4 c = ((const T *)data)[i];                                                            \
        char e = c < 0x80 ? json_escapes[c] : 0;                                                     \
        if (!e) {                                                                                    \
            *o++ = c;                                                                                \
            continue;                                                                                \
        }                                                                                            \
        Py_ssize_t at = o - (Py_UCS4 *)b->data;                                                      \
        b->len = 4 * at;                                                                             \
        if (grow(b, 4 * (6 + (n - i) + 1)) < 0)                                                      \
            return -1;                                                                               \
        o = (Py_UCS4 *)b->data + at;                                                                 \
        *o++ = '\\';                                                                                 \
        if (e == 'u') {                                                                              \
            *o++ = 'u'; *o++ = '0'; *o++ = '0'; *o++ = hex[c >> 4]; *o++ = hex[c & 15];              \
        }                                                                                            \
        else                                                                                         \
            *o++ = (Py_UCS4)e;                                                                       \
    }

/* A str as a JSON string, every character as it is but the escaped ones; a lone surrogate too, as json.dumps
 * writes it (pydantic-core refuses it, and canonical.to_json then writes the text with json.dumps). */
static int
put_json_string(Buffer *b, PyObject *text)
{
    static const char hex[] = "0123456789abcdef";
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (grow(b, 4 * (n + 2)) < 0)  /* the characters and the quotes; JSON_CHARS makes room for escapes */
        return -1;
    const void *data = PyUnicode_DATA(text);
    Py_UCS4 *o = (Py_UCS4 *)(b->data + b->len);
    *o++ = '"';
    switch (PyUnicode_KIND(text)) {
    case PyUnicode_1BYTE_KIND:
        JSON_CHARS(Py_UCS1)
        break;
    case PyUnicode_2BYTE_KIND:
        JSON_CHARS(Py_UCS2)
        break;
    default:
        JSON_CHARS(Py_UCS4)
    }
    *o++ = '"';
    b->len = (char *)o - b->data;
    return 0;
}

static int put_json_node(Buffer *b, PyObject *node, PyObject *shapes, Py_ssize_t depth);

/* One value of a node's field: 0, -1 on an error, 1 for a value the canonical serializer is not sure to write so
 * (the caller then leaves it to pydantic-core). */
static int
put_json_value(Buffer *b, PyObject *value, PyObject *shapes, Py_ssize_t depth)
{
    if (PyUnicode_Check(value))  /* a str enum's member too: its text is its value */
        return put_json_string(b, value);
    if (value == Py_True)
        return jput(b, "true", 4);
    if (value == Py_False)
        return jput(b, "false", 5);
    if (PyLong_CheckExact(value)) {
        PyObject *digits = PyObject_Str(value);
        if (digits == NULL)
            return -1;
        Py_ssize_t n;
        const char *s = PyUnicode_AsUTF8AndSize(digits, &n);  /* ASCII: its own data */
        int status = s == NULL ? -1 : jput(b, s, n);
        Py_DECREF(digits);
        return status;
    }
    if (PyList_Check(value)) {
        Py_ssize_t n = PyList_GET_SIZE(value);
        if (n == 0)
            return jput(b, "[]", 2);
        for (Py_ssize_t i = 0; i < n; i++) {
            if (jput(b, i ? "," : "[", 1) < 0 || jbreak(b, depth + 1) < 0)
                return -1;
            PyObject *item = PyList_GET_ITEM(value, i);
            Py_INCREF(item);
            int status = put_json_value(b, item, shapes, depth + 1);
            Py_DECREF(item);
            if (status != 0)
                return status;
        }
        return jbreak(b, depth) < 0 || jput(b, "]", 1) < 0 ? -1 : 0;
    }
    return put_json_node(b, value, shapes, depth);
}

/* A node as a JSON object: its fields in the order of its __dict__, each left out where ``shapes`` (a dict of the
 * node classes, each a dict of its fields: 0 left out when None, 1 also when [], 2 also when False) says. */
static int
put_json_node(Buffer *b, PyObject *node, PyObject *shapes, Py_ssize_t depth)
{
    PyObject *fields = PyDict_GetItemWithError(shapes, (PyObject *)Py_TYPE(node));
    if (fields == NULL)
        return PyErr_Occurred() ? -1 : 1;
    if (depth > 200 || !PyDict_Check(fields))  /* deeper than any loaded dossier: pydantic-core decides */
        return 1;
    PyObject *values = PyObject_GetAttr(node, dict_name);
    if (values == NULL)
        return -1;
    int status = PyDict_Check(values) ? 0 : 1, any = 0;
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (status == 0 && PyDict_Next(values, &pos, &key, &value)) {
        PyObject *how = PyUnicode_Check(key) ? PyDict_GetItemWithError(fields, key) : NULL;
        if (how == NULL) {
            status = PyErr_Occurred() ? -1 : 1;  /* not a field */
            break;
        }
        long left_out = PyLong_AsLong(how);
        if (left_out == -1 && PyErr_Occurred()) {
            PyErr_Clear();
            status = 1;
            break;
        }
        if (value == Py_None || (left_out == 1 && PyList_Check(value) && PyList_GET_SIZE(value) == 0) ||
            (left_out == 2 && value == Py_False))
            continue;
        if (jput(b, any ? "," : "{", 1) < 0 || jbreak(b, depth + 1) < 0)
            status = -1;
        else if ((status = put_json_string(b, key)) == 0 && (status = jput(b, ": ", 2)) == 0) {
            Py_INCREF(value);
            status = put_json_value(b, value, shapes, depth + 1);
            Py_DECREF(value);
        }
        any = 1;
    }
    Py_DECREF(values);
    if (status != 0)
        return status;
    return any ? (jbreak(b, depth) < 0 || jput(b, "}", 1) < 0 ? -1 : 0) : jput(b, "{}", 2);
}

/* The canonical JSON text of a report, as canonical.to_json writes it through pydantic-core; None where it is not
 * sure to be the same (a class or value the shapes do not know). */
static PyObject *
canonical_json(PyObject *self, PyObject *args)
{
    PyObject *report, *shapes;
    if (!PyArg_ParseTuple(args, "OO!:canonical_json", &report, &PyDict_Type, &shapes))
        return NULL;
    Buffer own = {NULL, 0, 0}, *b = take_buffer(&own);
    int status = grow(b, 1 << 16);
    if (status == 0)
        status = put_json_node(b, report, shapes, 0);
    if (status == 0)
        status = jput(b, "\n", 1);
    PyObject *out = NULL;
    if (status == 0)
        out = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, b->data, b->len / 4);
    else if (status == 1) {
        out = Py_None;
        Py_INCREF(out);
    }
    give_back(b);
    return out;
}

/* ---- walk */

/* What one walk of a report gathers: the lists and dicts of a walk.Tree, which the walk appends to. */
typedef struct {
    PyObject *kinds, *node, *node_list, *leaf_list, *evidence;  /* walk._KINDS and the kinds of field */
    PyObject *nodes, *by_model, *held, *node_lists, *value_lists, *evidence_runs, *leaves;
    Py_ssize_t deepest, max_depth;
    int cut;
} Walk;


/* Note a node at ``depth``, deeper than any before; 0 (and the walk cut) past the deepest allowed. */
static int
reach(Walk *w, Py_ssize_t depth)
{
    w->deepest = depth;
    if (depth > w->max_depth) {
        w->cut = 1;
        return 0;
    }
    return 1;
}

static int
append_new(PyObject *list, PyObject *item)
{
    if (item == NULL)
        return -1;
    int failed = PyList_Append(list, item);
    Py_DECREF(item);
    return failed;
}

/* Append ``item`` to the list ``dict[key]`` (a defaultdict's, made when missing). */
static int
append_at(PyObject *dict, PyObject *key, PyObject *item)
{
    PyObject *list = PyObject_GetItem(dict, key);
    if (list == NULL)
        return -1;
    int failed = PyList_Check(list) ? PyList_Append(list, item) : -1;
    if (!PyList_Check(list))
        PyErr_SetString(PyExc_TypeError, "the walk gathers into lists");
    Py_DECREF(list);
    return failed;
}

/* Tree._visit: gather ``node``, at location length ``depth``, and all it holds. 0, or -1 with an error set. */
static int
visit(Walk *w, Py_ssize_t depth, PyObject *node)
{
    if (depth > w->deepest && !reach(w, depth))
        return 0;
    PyObject *model = (PyObject *)Py_TYPE(node);
    PyObject *kind = PyObject_GetItem(w->kinds, model);
    if (kind == NULL)
        return -1;
    if (!PyTuple_Check(kind) || PyTuple_GET_SIZE(kind) != 2 || !PyTuple_Check(PyTuple_GET_ITEM(kind, 1))) {
        PyErr_SetString(PyExc_TypeError, "a model's kind is (evidence, plan)");
        Py_DECREF(kind);
        return -1;
    }
    int status = PyObject_IsTrue(PyTuple_GET_ITEM(kind, 0));
    if (status != 0) {  /* evidence, or an error */
        Py_DECREF(kind);
        return status < 0 ? -1 : append_new(w->evidence_runs, PyTuple_Pack(1, node));
    }
    PyObject *plan = PyTuple_GET_ITEM(kind, 1);
    PyObject *values = PyObject_GetAttr(node, dict_name);
    if (values == NULL || !PyDict_Check(values) || PyList_Append(w->nodes, node) < 0 ||
        append_at(w->by_model, model, values) < 0) {
        if (values != NULL && !PyDict_Check(values))
            PyErr_SetString(PyExc_TypeError, "a node's __dict__ is a dict");
        Py_XDECREF(values);
        Py_DECREF(kind);
        return -1;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(plan) && status == 0; i++) {
        PyObject *step = PyTuple_GET_ITEM(plan, i);
        if (!PyTuple_Check(step) || PyTuple_GET_SIZE(step) != 2) {
            PyErr_SetString(PyExc_TypeError, "a plan's step is (field, kind)");
            status = -1;
            break;
        }
        PyObject *name = PyTuple_GET_ITEM(step, 0), *k = PyTuple_GET_ITEM(step, 1);
        PyObject *value = PyDict_GetItemWithError(values, name);
        if (value == NULL) {
            if (!PyErr_Occurred())
                PyErr_SetObject(PyExc_KeyError, name);
            status = -1;
            break;
        }
        int given = PyObject_IsTrue(value);
        if (given <= 0) {  /* None, or an empty list */
            status = given;
            continue;
        }
        Py_INCREF(value);  /* held while nodes below are visited */
        if (k == w->evidence || k == w->leaf_list) {
            if (depth + 2 <= w->deepest || reach(w, depth + 2)) {
                if (append_new(w->held, PyTuple_Pack(4, values, name, value, k)) < 0)
                    status = -1;
                else if (k == w->evidence)
                    status = PyList_Append(w->evidence_runs, value);
                else {
                    PyObject *first = PySequence_GetItem(value, 0);
                    status = first == NULL ? -1 : append_at(w->leaves, (PyObject *)Py_TYPE(first), value);
                    Py_XDECREF(first);
                }
                if (status == 0) {
                    Py_ssize_t n = PyObject_Length(value);
                    status = n < 0 ? -1 : n > 1 ? PyList_Append(w->node_lists, value) : 0;
                }
            }
        }
        else if (k == w->node) {
            status = append_new(w->held, PyTuple_Pack(4, values, name, value, k));
            if (status == 0)
                status = visit(w, depth + 1, value);
        }
        else if (k == w->node_list) {
            PyObject *items = PySequence_Fast(value, "a list of nodes");
            status = items == NULL ? -1 : append_new(w->held, PyTuple_Pack(4, values, name, value, k));
            if (status == 0 && PySequence_Fast_GET_SIZE(items) > 1)
                status = PyList_Append(w->node_lists, value);
            for (Py_ssize_t j = 0; status == 0 && j < PySequence_Fast_GET_SIZE(items); j++) {
                PyObject *item = PySequence_Fast_GET_ITEM(items, j);
                Py_INCREF(item);  /* held while visited: a model's hooks are Python code */
                status = visit(w, depth + 2, item);
                Py_DECREF(item);
            }
            Py_XDECREF(items);
        }
        else {
            Py_ssize_t n = PyObject_Length(value);
            status = n < 0 ? -1 : n > 1 ? PyList_Append(w->value_lists, value) : 0;
        }
        Py_DECREF(value);
    }
    Py_DECREF(values);
    Py_DECREF(kind);
    return status;
}

/* walk.Tree._visit from the root, into the tree's lists: the walk's deepest location length, and whether it was cut. */
static PyObject *
walk(PyObject *self, PyObject *args)
{
    PyObject *root;
    Walk w = {0};
    if (!PyArg_ParseTuple(args, "OnnO(OOOO)O!O!O!O!O!O!O!:walk", &root, &w.deepest, &w.max_depth, &w.kinds,
                          &w.node, &w.node_list, &w.leaf_list, &w.evidence, &PyList_Type, &w.nodes, &PyDict_Type,
                          &w.by_model, &PyList_Type, &w.held, &PyList_Type, &w.node_lists, &PyList_Type,
                          &w.value_lists, &PyList_Type, &w.evidence_runs, &PyDict_Type, &w.leaves))
        return NULL;
    Py_ssize_t depth = w.deepest;
    if (visit(&w, depth, root) < 0)
        return NULL;
    return Py_BuildValue("(nO)", w.deepest, w.cut ? Py_True : Py_False);
}

/* ---- nquads */

/* A str's UTF-8 bytes (for an ASCII str, its own data; else made once and kept by the str), or NULL without an
 * error set for anything else: not a str, or a str UTF-8 cannot hold (a lone surrogate). */
static const char *
utf8(PyObject *o, Py_ssize_t *n)
{
    if (!PyUnicode_Check(o))
        return NULL;
    const char *s = PyUnicode_AsUTF8AndSize(o, n);
    if (s == NULL)
        PyErr_Clear();
    return s;
}


/* Whether a str holds no character that N-Triples and Turtle escape in a string: the controls U+0000-U+001F and
 * U+007F, the quote and the backslash. One pass over the characters, instead of the three scans (two searches
 * and str.isprintable, which looks every character up in the Unicode tables) that tell the same in Python. */
static PyObject *
plain_text(PyObject *self, PyObject *arg)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "plain_text() takes a str, not %.100s", Py_TYPE(arg)->tp_name);
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(arg);
    int kind = PyUnicode_KIND(arg);
    const void *data = PyUnicode_DATA(arg);
    if (kind == PyUnicode_1BYTE_KIND) {
        const unsigned char *c = data;
        for (Py_ssize_t i = 0; i < n; i++)
            if (escapes[c[i]])
                Py_RETURN_FALSE;
    }
    else {
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, i);
            if (c < 0x80 && escapes[c])
                Py_RETURN_FALSE;
        }
    }
    Py_RETURN_TRUE;
}

enum { K_IRI, K_LIT, K_TYPED, MANY };

/* The object of one line: <iri>, "text"@tag, "text" or "text"^^<datatype>. 0, -1 on an error, 1 for a value of
 * another type than it should have. */
static int
put_object(Buffer *b, int kind, PyObject *extra, PyObject *value)
{
    Py_ssize_t n, en = 0;
    const char *s = utf8(value, &n), *e = NULL;
    if (s == NULL)
        return PyErr_Occurred() ? -1 : 1;
    if (extra != Py_None && (e = utf8(extra, &en)) == NULL)
        return PyErr_Occurred() ? -1 : 1;
    if (kind == K_IRI) {
        if (PUT_LITERAL(b, "<") < 0 || put(b, s, n) < 0 || PUT_LITERAL(b, ">") < 0)
            return -1;
        return 0;
    }
    if (PUT_LITERAL(b, "\"") < 0 || put_escaped(b, s, n) < 0 || PUT_LITERAL(b, "\"") < 0)
        return -1;
    /* An empty tag writes none, as a literal without one. */
    if (kind == K_LIT && en > 0)
        return PUT_LITERAL(b, "@") < 0 || put(b, e, en) < 0 ? -1 : 0;
    if (kind == K_TYPED) {
        if (e == NULL)
            return 1;
        return PUT_LITERAL(b, "^^<") < 0 || put(b, e, en) < 0 || PUT_LITERAL(b, ">") < 0 ? -1 : 0;
    }
    return 0;
}

/* The distinct ends of a record's lines, " <graph> .\n" or " .\n", one per graph, in order, as a tuple of bytes;
 * kept in ``ends`` by the tuple of graphs. A new reference, or NULL: with an error set, or without for odd data. */
static PyObject *
tails_of(PyObject *graphs, int with_graph, PyObject *ends)
{
    PyObject *tails = PyDict_GetItemWithError(ends, graphs);
    if (tails != NULL) {
        Py_INCREF(tails);
        return tails;
    }
    if (PyErr_Occurred())
        return NULL;
    PyObject *seen = PyDict_New();
    if (seen == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(graphs); i++) {
        PyObject *g = PyTuple_GET_ITEM(graphs, i), *tail;
        if (with_graph && g != Py_None) {
            Py_ssize_t n;
            const char *s = utf8(g, &n);
            if (s == NULL) {
                Py_DECREF(seen);
                return NULL;
            }
            tail = PyBytes_FromStringAndSize(NULL, n + 6);
            if (tail == NULL) {
                Py_DECREF(seen);
                return NULL;
            }
            char *t = PyBytes_AS_STRING(tail);
            memcpy(t, " <", 2);
            memcpy(t + 2, s, n);
            memcpy(t + 2 + n, "> .\n", 4);
        }
        else if ((tail = PyBytes_FromStringAndSize(" .\n", 3)) == NULL) {
            Py_DECREF(seen);
            return NULL;
        }
        int failed = PyDict_SetItem(seen, tail, Py_None);
        Py_DECREF(tail);
        if (failed < 0) {
            Py_DECREF(seen);
            return NULL;
        }
    }
    PyObject *keys = PyDict_Keys(seen);
    Py_DECREF(seen);
    if (keys == NULL)
        return NULL;
    tails = PyList_AsTuple(keys);
    Py_DECREF(keys);
    if (tails == NULL || PyDict_SetItem(ends, graphs, tails) < 0) {
        Py_XDECREF(tails);
        return NULL;
    }
    return tails;
}

/* One record's lines into ``b``: 0, -1 on an error, 1 for odd data. */
static int
put_record(Buffer *b, PyObject *record, int with_graph, PyObject *ends)
{
    if (!PyTuple_Check(record) || PyTuple_GET_SIZE(record) != 3)
        return 1;
    PyObject *subject = PyTuple_GET_ITEM(record, 0), *graphs = PyTuple_GET_ITEM(record, 1),
             *statements = PyTuple_GET_ITEM(record, 2);
    Py_ssize_t sn;
    const char *s = utf8(subject, &sn);
    if (s == NULL || !PyTuple_Check(graphs) || !(PyList_Check(statements) || PyTuple_Check(statements)))
        return PyErr_Occurred() ? -1 : 1;
    PyObject *tails = tails_of(graphs, with_graph, ends);
    if (tails == NULL)
        return PyErr_Occurred() ? -1 : 1;
    int status = 0;
    for (Py_ssize_t t = 0; t < PyTuple_GET_SIZE(tails) && status == 0; t++) {
        PyObject *tail = PyTuple_GET_ITEM(tails, t);
        /* A list of statements may change size only through Python code, which nothing here runs. */
        Py_ssize_t count = PySequence_Fast_GET_SIZE(statements);
        for (Py_ssize_t i = 0; i < count && status == 0; i++) {
            PyObject *st = PySequence_Fast_GET_ITEM(statements, i);
            if (!PyTuple_Check(st) || PyTuple_GET_SIZE(st) != 4 || !PyLong_CheckExact(PyTuple_GET_ITEM(st, 1))) {
                status = 1;
                break;
            }
            Py_ssize_t pn;
            const char *pred = utf8(PyTuple_GET_ITEM(st, 0), &pn);
            long kind = PyLong_AsLong(PyTuple_GET_ITEM(st, 1));
            if (kind == -1)
                PyErr_Clear();  /* too large for a long, or -1: no kind either way */
            PyObject *extra = PyTuple_GET_ITEM(st, 2), *value = PyTuple_GET_ITEM(st, 3);
            if (pred == NULL || kind < 0 || kind >= 2 * MANY) {
                status = 1;
                break;
            }
            PyObject *values = NULL;
            Py_ssize_t nvalues = 1;
            if (kind >= MANY) {
                if (!PyList_Check(value) && !PyTuple_Check(value)) {
                    status = 1;
                    break;
                }
                values = value;
                nvalues = PySequence_Fast_GET_SIZE(values);
                kind -= MANY;
            }
            for (Py_ssize_t v = 0; v < nvalues && status == 0; v++) {
                PyObject *one = values ? PySequence_Fast_GET_ITEM(values, v) : value;
                if (PUT_LITERAL(b, "<") < 0 || put(b, s, sn) < 0 || PUT_LITERAL(b, "> <") < 0 ||
                    put(b, pred, pn) < 0 || PUT_LITERAL(b, "> ") < 0) {
                    status = -1;
                    break;
                }
                status = put_object(b, (int)kind, extra, one);
                if (status == 0 && put(b, PyBytes_AS_STRING(tail), PyBytes_GET_SIZE(tail)) < 0)
                    status = -1;
            }
        }
    }
    Py_DECREF(tails);
    return status;
}

/* The lines of node records as UTF-8 bytes, as ntriples._lines writes them (joined and encoded), or with
 * ``as_text`` as a str, joined; None where the records hold anything but what node_records makes. The caller
 * makes sure no subject repeats. */
static PyObject *
nquads(PyObject *self, PyObject *args)
{
    PyObject *records;
    int with_graph, as_text = 0;
    if (!PyArg_ParseTuple(args, "O!p|p:nquads", &PyList_Type, &records, &with_graph, &as_text))
        return NULL;
    PyObject *ends = PyDict_New();
    if (ends == NULL)
        return NULL;
    Buffer own = {NULL, 0, 0}, *b = take_buffer(&own);
    int status = grow(b, 1 << 16);
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(records) && status == 0; i++) {
        PyObject *record = PyList_GET_ITEM(records, i);
        Py_INCREF(record);
        status = put_record(b, record, with_graph, ends);
        Py_DECREF(record);
    }
    Py_DECREF(ends);
    PyObject *out = NULL;
    if (status == 0)
        out = as_text ? PyUnicode_DecodeUTF8(b->data, b->len, NULL) : PyBytes_FromStringAndSize(b->data, b->len);
    else if (status == 1) {
        out = Py_None;
        Py_INCREF(out);
    }
    give_back(b);
    return out;
}

static PyMethodDef methods[] = {
    {"count_keys", count_keys, METH_O,
     "count_keys(data, /)\n--\n\nHow many keys the objects of the valid JSON text ``data`` (bytes) hold; "
     "None for an unclosed string."},
    {"canonical_json", canonical_json, METH_VARARGS,
     "canonical_json(report, shapes, /)\n--\n\nThe canonical JSON text of ``report``, as canonical.to_json writes "
     "it; None where it is not sure to be the same."},
    {"walk", walk, METH_VARARGS,
     "walk(root, depth, max_depth, kinds, (node, node_list, leaf_list, evidence), nodes, by_model, held, node_lists, "
     "value_lists, evidence_runs, leaves, /)\n--\n\nwalk.Tree's walk from ``root`` at location length ``depth``, "
     "into the tree's lists: (deepest, cut)."},
    {"plain_text", plain_text, METH_O,
     "plain_text(text, /)\n--\n\nWhether the str ``text`` holds no character that N-Triples and Turtle escape: "
     "no control (U+0000-U+001F, U+007F), quote or backslash."},
    {"nquads", nquads, METH_VARARGS,
     "nquads(records, with_graph, as_text=False, /)\n--\n\nThe N-Quads (``with_graph``) or N-Triples lines of "
     "node records as UTF-8 bytes, or a str with ``as_text``; None for records of another shape."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_speedups", "Loops of dossier in C; see dossier.native.", -1, methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    fill_escape_table(escapes, 1);
    fill_escape_table(json_escapes, 0);
    if (dict_name == NULL && (dict_name = PyUnicode_InternFromString("__dict__")) == NULL)
        return NULL;
    return PyModule_Create(&module);
}
