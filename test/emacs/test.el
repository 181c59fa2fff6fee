;;; test.el --- Emacs 28 + eglot (batch) against the Resolution Drafter server  -*- lexical-binding: t; -*-
;; Run: emacs --batch -Q -l test/emacs/test.el  with RD_SERVER (dist/server.js) and RD_DRAFT (a .unres file).
;; Prints one line `RESULT <json>`: the server's name, the diagnostics it published, a hover and
;; the completion labels at the places named by RD_HOVER and RD_COMPLETE ("line:character", 0-based).
(require 'package)
;; Debian installs elpa-eglot here; -Q leaves it out of the package path.
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
(package-initialize)
(require 'eglot)
(require 'json)

(define-derived-mode unres-mode text-mode "UN Resolution" "Drafts of UN resolutions.")

(defvar rd-diagnostics nil "The last diagnostics the server published.")
(advice-add 'eglot-handle-notification :before
            (lambda (_server method &rest args)
              (when (eq method 'textDocument/publishDiagnostics)
                (setq rd-diagnostics (plist-get args :diagnostics)))))

(defun rd-wait (test seconds)
  "Process the server's output until TEST returns non-nil or SECONDS have passed."
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall test)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall test)))

(defun rd-position (spec)
  "An LSP position from \"line:character\"."
  (let ((parts (split-string spec ":")))
    (list :line (string-to-number (car parts)) :character (string-to-number (cadr parts)))))

(defun rd-finish (result code)
  (princ (concat "RESULT " (json-encode result) "\n"))
  (kill-emacs code))

(condition-case err
    (let* ((draft (getenv "RD_DRAFT"))
           (dir (file-name-directory draft)))
      (setq project-find-functions (list (lambda (_dir) (cons 'transient dir))))
      (setq eglot-server-programs `((unres-mode . ("node" ,(getenv "RD_SERVER") "--stdio"))))
      (find-file draft)
      (unres-mode)
      (eglot '(unres-mode) (project-current) 'eglot-lsp-server
             (list "node" (getenv "RD_SERVER") "--stdio") "unres")
      (let ((server (eglot-current-server)))
        (unless (rd-wait (lambda () rd-diagnostics) 30) (error "no diagnostics within 30 s"))
        (let* ((doc (list :uri (eglot--path-to-uri draft)))
               (hover (jsonrpc-request server :textDocument/hover
                                       (list :textDocument doc :position (rd-position (getenv "RD_HOVER")))))
               (completion (jsonrpc-request server :textDocument/completion
                                            (list :textDocument doc :position (rd-position (getenv "RD_COMPLETE")))))
               (items (if (vectorp completion) completion (plist-get completion :items))))
          (rd-finish
           (list :serverName (plist-get (eglot--server-info server) :name)
                 :diagnostics (cl-map 'vector (lambda (d) (list :line (plist-get (plist-get (plist-get d :range) :start) :line)
                                                                :code (plist-get d :code)
                                                                :severity (plist-get d :severity)))
                                      rd-diagnostics)
                 :hover (plist-get (plist-get hover :contents) :value)
                 :completion (cl-map 'vector (lambda (i) (plist-get i :label)) items))
           0))))
  (error (rd-finish (list :error (error-message-string err)) 1)))
