//! Strings the stages together: RawDoc → Article → claims → store.
